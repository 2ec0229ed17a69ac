package org.advocacy.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * One switch, {@code advocacy.scheduling.enabled}, sets up scheduling and the scheduled
 * beans, or neither.
 */
class SchedulingConfigurationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withBean(SimpleDriverDataSource.class)
        .withUserConfiguration(SchedulingConfiguration.class, SomethingScheduled.class);

    @Test
    void byDefaultTheScheduledBeansRunUnderOneLockProvider() {
        contexts.run(context -> {
            assertThat(context).hasSingleBean(LockProvider.class).hasSingleBean(SomethingScheduled.class);
            assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
                .flatMap(ScheduledTaskHolder::getScheduledTasks)
                .hasSize(1);
        });
    }

    @Test
    void switchedOffNothingIsScheduledAndTheScheduledBeansDoNotExist() {
        contexts.withPropertyValues("advocacy.scheduling.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(LockProvider.class)
                .doesNotHaveBean(SomethingScheduled.class)
                .doesNotHaveBean(ScheduledTaskHolder.class);
        });
    }

    @Test
    void aJobRunFromTheCommandLineSwitchesSchedulingOffEvenWhenItWasOn() {
        var environment = new StandardEnvironment();
        environment.getPropertySources()
            .addFirst(new MapPropertySource("arguments",
                    Map.of("advocacy.run-job", "roster-sync", "advocacy.scheduling.enabled", "true")));

        new RunJobEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("advocacy.scheduling.enabled")).isEqualTo("false");
    }

    @Test
    void withoutAJobRunTheSwitchIsLeftAlone() {
        var environment = new StandardEnvironment();

        new RunJobEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("advocacy.scheduling.enabled")).isNull();
    }

    @ConditionalOnScheduling
    static class SomethingScheduled {

        /** Never due while the test runs. */
        @Scheduled(cron = "0 0 0 1 1 *", zone = "UTC")
        @SchedulerLock(name = "something")
        void run() {
        }

    }

}
