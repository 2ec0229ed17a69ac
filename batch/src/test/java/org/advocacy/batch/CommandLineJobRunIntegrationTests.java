package org.advocacy.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.util.ClassUtils;

/**
 * {@code --advocacy.run-job=...} in a context: the job runs once at start-up, no web
 * server and no schedule are set up, and the exit code says how it went.
 * (bench/roster-sync.sh checks the same from the built jar, including a failing run.)
 * Scheduling is switched on here as in production, so that it is the job run that
 * switches it off.
 */
@SpringBootTest(properties = { "advocacy.run-job=district-import", "advocacy.run-job-exit=false",
        "advocacy.scheduling.enabled=true" })
class CommandLineJobRunIntegrationTests {

    @Autowired
    CommandLineJobRun commandLine;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    Environment environment;

    @Test
    void runningAJobTurnsOffTheWebServerAndTheSchedule() {
        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(context.getBeanNamesForType(JobScheduling.class)).isEmpty();
    }

    @Test
    void aOneShotJobProcessStartsNoPoller() {
        assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
            .flatMap(ScheduledTaskHolder::getScheduledTasks)
            .isEmpty();
        assertThat(beansWithScheduledMethods()).isEmpty();
        assertThat(context.getBeanNamesForType(SchedulingConfiguration.class)).isEmpty();
    }

    /**
     * The beans that would run something on a schedule: the reminder pollers, the CWC
     * drain, the job schedule.
     */
    private List<String> beansWithScheduledMethods() {
        return Arrays.stream(context.getBeanDefinitionNames())
            .map(name -> context.getType(name, false))
            .filter(Objects::nonNull)
            .map(ClassUtils::getUserClass)
            .filter(type -> Arrays.stream(type.getDeclaredMethods())
                .anyMatch(method -> AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)))
            .map(Class::getName)
            .toList();
    }

    @Test
    void aSuccessfulRunPrintsItsSummaryAndExitsWithZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = commandLine.runOnce(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "district-import succeeded: 42033 rows in the file, 0 inserted, 0 deleted" + System.lineSeparator());
    }

    @Test
    void anUnknownJobExitsWithTwo() {
        CommandLineJobRun unknown = new CommandLineJobRun(context.getBean(JobRunner.class), context, "roster-snyc",
                false);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = unknown.runOnce(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no job 'roster-snyc'");
    }

}
