package org.advocacy.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context's mail sender at {@link SharedSmtp}. One customizer,
 * equal for every test class, so it never splits the context cache. Its settings rank
 * below a test's own properties (a test that needs an unreachable mail server still sets
 * spring.mail.port) and above the application's configuration files. Registered in
 * META-INF/spring.factories of the core test jar.
 */
public class SharedSmtpContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new SharedSmtpContextCustomizer();
    }

    private static final class SharedSmtpContextCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            MapPropertySource smtp = new MapPropertySource("sharedSmtp",
                    Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", SharedSmtp.port()));
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, smtp);
            }
            else {
                sources.addLast(smtp);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SharedSmtpContextCustomizer;
        }

        @Override
        public int hashCode() {
            return SharedSmtpContextCustomizer.class.hashCode();
        }

    }

}
