package org.advocacy.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at {@link PostgresTestDatabase}. Registered in
 * META-INF/spring.factories of the core test jar, so each module's tests get it.
 */
public class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new PostgresContextCustomizer();
    }

    private static final class PostgresContextCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            PostgresTestDatabase.Connection database = PostgresTestDatabase.connection();
            context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("postgresTestDatabase",
                        Map.of("spring.datasource.url", database.url(), "spring.datasource.username",
                                database.username(), "spring.datasource.password", database.password())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PostgresContextCustomizer;
        }

        @Override
        public int hashCode() {
            return PostgresContextCustomizer.class.hashCode();
        }

    }

}
