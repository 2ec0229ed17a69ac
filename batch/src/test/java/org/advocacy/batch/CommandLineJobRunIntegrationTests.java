package org.advocacy.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code --advocacy.run-job=...} in a context: the job runs once at start-up, no web server and no
 * schedule are set up, and the exit code says how it went. (bench/roster-sync.sh checks the same
 * from the built jar, including a failing run.)
 */
@SpringBootTest(properties = {"advocacy.run-job=district-import", "advocacy.run-job-exit=false"})
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
    void aSuccessfulRunPrintsItsSummaryAndExitsWithZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = commandLine.runOnce(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("district-import succeeded: 42033 rows in the file, 0 inserted, 0 deleted" + System.lineSeparator());
    }

    @Test
    void anUnknownJobExitsWithTwo() {
        CommandLineJobRun unknown = new CommandLineJobRun(context.getBean(JobRunner.class), context, "roster-snyc", false);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = unknown.runOnce(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no job 'roster-snyc'");
    }
}
