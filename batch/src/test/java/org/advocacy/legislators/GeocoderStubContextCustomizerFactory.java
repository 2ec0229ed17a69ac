package org.advocacy.legislators;

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
 * Points every batch test context's geocoder at {@link GeocoderStub#shared()}. One
 * customizer, equal for every test class, so the stub's port adds no context of its own
 * (a test's own properties still win). Registered in this module's test
 * META-INF/spring.factories.
 */
public class GeocoderStubContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new GeocoderStubContextCustomizer();
    }

    private static final class GeocoderStubContextCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            MapPropertySource geocoder = new MapPropertySource("geocoderStub",
                    Map.of("advocacy.geocoder.base-url", GeocoderStub.shared().baseUrl()));
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, geocoder);
            }
            else {
                sources.addLast(geocoder);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof GeocoderStubContextCustomizer;
        }

        @Override
        public int hashCode() {
            return GeocoderStubContextCustomizer.class.hashCode();
        }

    }

}
