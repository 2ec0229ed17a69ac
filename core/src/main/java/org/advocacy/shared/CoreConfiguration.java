package org.advocacy.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    @ConditionalOnProperty(name = "advocacy.database.create-if-missing", havingValue = "true", matchIfMissing = true)
    static DatabaseCreator databaseCreator() {
        return new DatabaseCreator();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

}
