package org.advocacy.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.advocacy.legislators.RosterJobs.JobRun;
import org.advocacy.legislators.RosterJobs.Name;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Starting a job from the console: one run at a time, even when two administrators click
 * at once.
 */
@SpringBootTest
class JobRunnerIntegrationTests {

    private static final String JOB = Name.DISTRICT_IMPORT.jobName();

    @Autowired
    JobRunner runner;

    @Autowired
    JobRepository jobRepository;

    @Test
    void twoAdministratorsStartingTheSameJobAtOnceStartOneRunAndALaterStartRunsAgain() throws Exception {
        long before = runs();
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<String> click = () -> asAdministrator(() -> {
            together.await();
            return start();
        });

        List<String> outcomes;
        try (ExecutorService administrators = Executors.newFixedThreadPool(2)) {
            outcomes = administrators.invokeAll(List.of(click, click))
                .stream()
                .map(JobRunnerIntegrationTests::get)
                .toList();
        }

        assertThat(outcomes).containsExactlyInAnyOrder("started", JOB + " is already running");
        awaitNoRun();
        assertThat(runs()).isEqualTo(before + 1);
        JobRun newest = asAdministrator(() -> runner.runs(PageRequest.of(0, 1))).getFirst();
        assertThat(newest.jobName()).isEqualTo(JOB);
        assertThat(newest.status()).isEqualTo("COMPLETED");
        assertThat(newest.steps()).singleElement().satisfies(step -> assertThat(step.readCount()).isEqualTo(42033));
        assertThat(asAdministrator(() -> runner.run(newest.executionId()))).contains(newest);

        assertThat(asAdministrator(this::start)).isEqualTo("started");
        awaitNoRun();
        assertThat(runs()).isEqualTo(before + 2);
        assertThat(asAdministrator(runner::countRuns)).isGreaterThanOrEqualTo(before + 2);
    }

    /** What the administrator sees: the run started, or why not. */
    private String start() {
        try {
            runner.start(Name.DISTRICT_IMPORT);
            return "started";
        }
        catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private void awaitNoRun() {
        await().atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> jobRepository.findRunningJobExecutions(JOB).isEmpty());
    }

    private long runs() {
        try {
            return jobRepository.getJobInstanceCount(JOB);
        }
        catch (NoSuchJobException e) {
            return 0;
        }
    }

    private static <T> T asAdministrator(Callable<T> action) throws Exception {
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin@advocacy.localhost", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            return action.call();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String get(Future<String> outcome) {
        try {
            return outcome.get();
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
