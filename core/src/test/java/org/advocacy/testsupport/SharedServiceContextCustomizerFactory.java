package org.advocacy.testsupport;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at a service the test JVM runs once (a mail server, a
 * protocol-level test server), whose address is known only once it runs. The customizer
 * is equal for every test class, so the address adds no context of its own. Its
 * properties rank below a test's own (@SpringBootTest properties, @DynamicPropertySource)
 * and above the configuration files. Subclasses are registered in
 * META-INF/spring.factories.
 */
public abstract class SharedServiceContextCustomizerFactory implements ContextCustomizerFactory {

    /** The properties that reach the service; asked when a context is built. */
    protected abstract Map<String, Object> properties();

    @Override
    public final ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new SharedServiceContextCustomizer(getClass(), this::properties);
    }

    private record SharedServiceContextCustomizer(Class<?> factory,
            Supplier<Map<String, Object>> properties) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            MapPropertySource service = new MapPropertySource(factory.getSimpleName(), properties.get());
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, service);
            }
            else {
                sources.addLast(service);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SharedServiceContextCustomizer customizer && customizer.factory == factory;
        }

        @Override
        public int hashCode() {
            return factory.hashCode();
        }

    }

}
