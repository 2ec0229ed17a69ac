package org.advocacy.batch;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * The one place scheduling is set up: {@code @Scheduled} methods (the job schedule, the
 * reminder pollers, the CWC drain) run only while {@value #ENABLED} is true (the
 * default), each under a ShedLock lock in the {@code shedlock} table (V1), taken with the
 * database's clock, so that one node at a time runs it. The scheduled beans carry
 * {@link ConditionalOnScheduling}, so with the switch off they do not exist at all. A
 * process started with {@code --advocacy.run-job} turns the switch off
 * ({@link RunJobEnvironmentPostProcessor}): a one-shot job process must not start a
 * reminder send or a drain that its exit would cut short.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnScheduling
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

    /** The switch: {@code false} runs nothing on a schedule in this process. */
    static final String ENABLED = "advocacy.scheduling.enabled";

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .usingDbTime()
            .build());
    }

}
