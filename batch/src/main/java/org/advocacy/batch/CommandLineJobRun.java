package org.advocacy.batch;

import java.io.PrintStream;

import org.advocacy.legislators.RosterJobs.Name;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar advocacy.jar --advocacy.run-job=roster-sync} (or
 * {@code district-import}, {@code bill-status-sync}): runs the job once, prints its
 * summary or why it failed, and exits with 0 on success, 1 when the job failed and 2 for
 * an unknown job name. Any other property can be given the same way, e.g.
 * {@code --advocacy.roster.legislators-url=file:/tmp/legislators-current.yaml}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "advocacy.run-job")
class CommandLineJobRun implements ApplicationRunner {

    static final int FAILED = 1;
    static final int UNKNOWN_JOB = 2;

    private final JobRunner runner;

    private final ConfigurableApplicationContext context;

    private final String jobName;

    private final boolean exit;

    CommandLineJobRun(JobRunner runner, ConfigurableApplicationContext context,
            @Value("${advocacy.run-job}") String jobName, @Value("${advocacy.run-job-exit:true}") boolean exit) {
        this.runner = runner;
        this.context = context;
        this.jobName = jobName.strip();
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = runOnce(System.out, System.err);
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    int runOnce(PrintStream out, PrintStream err) {
        var name = Name.of(jobName);
        if (name.isEmpty()) {
            err.println("advocacy.run-job: no job '" + jobName
                    + "'; the jobs are roster-sync, district-import and bill-status-sync");
            return UNKNOWN_JOB;
        }
        JobExecution execution;
        try {
            execution = runner.runNow(name.get());
        }
        catch (RuntimeException e) {
            err.println(jobName + " could not start: " + e.getMessage());
            return FAILED;
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            out.println(jobName + " succeeded: " + JobRunner.outcome(execution));
            return 0;
        }
        err.println(jobName + " failed (" + execution.getStatus() + "): " + JobRunner.outcome(execution));
        return FAILED;
    }

}
