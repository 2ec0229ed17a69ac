package org.advocacy.batch.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.advocacy.reminders.Audience;
import org.advocacy.reminders.AudienceRule;
import org.advocacy.reminders.Reminder;
import org.advocacy.reminders.ReminderDraft;
import org.advocacy.reminders.ReminderService;
import org.advocacy.reminders.ReminderStatus;
import org.advocacy.testsupport.ReminderTestData;
import org.advocacy.testsupport.ReminderTestData.Consent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/** The reminder-send job against real PostgreSQL and a real SMTP server (GreenMail). */
@SpringBootTest(properties = { "advocacy.reminders.scheduling.enabled=false",
        "advocacy.reminders.max-per-second=" + ReminderSendJobIntegrationTests.RATE,
        "advocacy.reminders.send.workers=3", "advocacy.reminders.initial-backoff=PT0.2S",
        "advocacy.reminders.max-backoff=PT0.5S", "advocacy.reminders.max-attempts=40" })
@SpringBatchTest
class ReminderSendJobIntegrationTests {

    static final int RATE = 25;

    /**
     * GreenMail on a free port, not the fixed 3025 that other builds on the machine may
     * hold.
     */
    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    Job reminderSendJob;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    ReminderJobLauncher launcher;

    @Autowired
    ReminderService reminders;

    @Autowired
    JdbcTemplate jdbc;

    ReminderTestData data;

    long campaign;

    @BeforeEach
    void setUp() {
        jobs.setJob(reminderSendJob);
        SecurityContextHolder.getContext()
            .setAuthentication(new TestingAuthenticationToken("organizer@advocacy.test", null, "ROLE_ORGANIZER"));
        data = new ReminderTestData(jdbc);
        data.clean();
        data.legislators();
        campaign = data.campaign("reminders-job");
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private long scheduledReminder(String subject, String html, String text, Audience audience) {
        Reminder reminder = reminders.create(new ReminderDraft(subject, html, text, audience),
                "organizer@advocacy.test");
        reminders.schedule(reminder.getId(), Instant.now());
        return reminder.getId();
    }

    private long scheduledReminder() {
        return scheduledReminder("Call {{representative.name}} this week", "<p>Hello {{supporter.name}}</p>",
                "Hello {{supporter.name}}", Audience.all());
    }

    private List<Long> confirmedSupporters(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(data.supporter("s" + i, "Supporter " + i, i % 2 == 0 ? "VT" : "ME", i % 2 == 0 ? 0 : 1,
                    Consent.CONFIRMED));
        }
        return ids;
    }

    /**
     * A finished run. (A test method returning JobExecution would be taken
     * by @SpringBatchTest as a factory.)
     */
    record Run(JobExecution execution) {
        BatchStatus status() {
            return execution.getStatus();
        }
    }

    private Run run(long reminderId) throws Exception {
        return new Run(jobs.startJob(ReminderJobLauncher.parameters(reminderId)));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> receivedPerAddress() {
        return Arrays.stream(smtp.getReceivedMessages())
            .map(ReminderSendJobIntegrationTests::recipient)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private String deliveryStatus(long reminderId, long supporterId) {
        return jdbc.queryForObject("select status from reminder_delivery where reminder_id = ? and supporter_id = ?",
                String.class, reminderId, supporterId);
    }

    private ReminderStatus reminderStatus(long reminderId) {
        return ReminderStatus
            .valueOf(jdbc.queryForObject("select status from reminder where id = ?", String.class, reminderId));
    }

    @Test
    void sendsEachSupporterAPersonalisedEmailWithOneClickUnsubscribeHeaders() throws Exception {
        long ana = data.supporter("ana", "Ana <b>Lopez</b>", "VT", 0, Consent.CONFIRMED);
        long ben = data.supporter("ben", "Ben Ortiz", "ME", 2, Consent.CONFIRMED);
        long reminderId = scheduledReminder("{{supporter.firstName}}, call {{representative.name}}",
                "<p>Hello {{supporter.name}}, call {{representative.name}} at {{representative.phone}}.</p>"
                        + "<p>Senators: {{senators}}</p><script>alert(1)</script>",
                "Hello {{supporter.name}}, call {{representative.name}} at {{representative.phone}}.\nSenators: {{senators}}",
                Audience.all());

        Run execution = run(reminderId);

        assertThat(execution.status()).isEqualTo(BatchStatus.COMPLETED);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage toAna = Arrays.stream(received)
            .filter(m -> recipient(m).equals(data.email(ana)))
            .findFirst()
            .orElseThrow();
        String unsubscribe = "http://localhost:8080/unsubscribe/" + data.unsubscribeToken(ana);
        assertThat(toAna.getSubject()).isEqualTo("Ana, call Rep. Becca Balint");
        assertThat(toAna.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(toAna.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        // The sending address's domain (advocacy.mail.from), not the host's.
        assertThat(toAna.getMessageID()).isEqualTo("<reminder." + reminderId + "." + ana + "@advocacy.localhost>");
        String raw = GreenMailUtil.getWholeMessage(toAna);
        assertThat(raw).contains("Hello Ana <b>Lopez</b>, call Rep. Becca Balint at 202-225-4115.")
            .contains("Senators: Sen. Bernard Sanders (202-224-5141) and Sen. Peter Welch (202-224-4242)")
            .contains("Hello Ana &lt;b&gt;Lopez&lt;/b&gt;")
            .contains(unsubscribe)
            .doesNotContain("<script>");
        MimeMessage toBen = Arrays.stream(received).filter(m -> m != toAna).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getWholeMessage(toBen)).contains("Rep. Jared F. Golden at 202-225-6306")
            .contains("Sen. Susan M. Collins (202-224-2523) and Sen. Angus S. King, Jr. (202-224-5344)");
        assertThat(reminderStatus(reminderId)).isEqualTo(ReminderStatus.SENT);
        assertThat(jdbc.queryForObject("select sent_count from reminder where id = ?", Integer.class, reminderId))
            .isEqualTo(2);
        assertThat(deliveryStatus(reminderId, ben)).isEqualTo("SENT");
    }

    @Test
    void neverMailsTheUnconfirmedTheUnsubscribedOrThoseNeverAsked() throws Exception {
        long confirmed = data.supporter("confirmed", "Cleo", "VT", 0, Consent.CONFIRMED);
        data.supporter("never", "Nico", "VT", 0, Consent.NEVER_ASKED);
        data.supporter("awaiting", "Ari", "VT", 0, Consent.AWAITING_CONFIRMATION);
        data.supporter("gone", "Gil", "VT", 0, Consent.UNSUBSCRIBED);
        long reminderId = scheduledReminder();

        run(reminderId);

        assertThat(receivedPerAddress()).containsOnlyKeys(data.email(confirmed));
        assertThat(jdbc.queryForObject("select count(*) from reminder_delivery where reminder_id = ?", Integer.class,
                reminderId))
            .isEqualTo(1);
    }

    @Test
    void aSupporterWhoUnsubscribesWhileTheJobRunsReceivesNothing() throws Exception {
        List<Long> supporters = confirmedSupporters(30);
        long reminderId = scheduledReminder();

        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(reminderId);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(smtp.waitForIncomingEmail(10_000, 5)).isTrue();
        List<Long> leaving = supporters.subList(20, 30);
        leaving.forEach(data::unsubscribe);
        Run execution = running.get();

        assertThat(execution.status()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Long> received = receivedPerAddress();
        for (long s : leaving) {
            assertThat(received).doesNotContainKey(data.email(s));
            assertThat(deliveryStatus(reminderId, s)).isEqualTo("SKIPPED");
        }
        assertThat(received).hasSize(20).allSatisfy((address, count) -> assertThat(count).isOne());
    }

    @Test
    void sendsNoFasterThanTheConfiguredRate() throws Exception {
        int n = 20;
        confirmedSupporters(n);
        long reminderId = scheduledReminder();

        long started = System.nanoTime();
        run(reminderId);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(smtp.getReceivedMessages()).hasSize(n);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis((n - 1) * 1000L / RATE));
    }

    @Test
    void everyRecipientGetsExactlyOneAcrossAStopACrashAndARestart() throws Exception {
        int n = 40;
        List<Long> supporters = confirmedSupporters(n);
        long reminderId = scheduledReminder();

        CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> {
            try {
                return run(reminderId);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(smtp.waitForIncomingEmail(10_000, 10)).isTrue();
        long executionId = jdbc.queryForObject("select job_execution_id from reminder where id = ?", Long.class,
                reminderId);
        jobOperator.stop(executionId);
        JobExecution stopped = first.get().execution();
        // STOPPED, or UNKNOWN when the stop interrupted the step mid-chunk: either way
        // the run ended.
        assertThat(stopped.getStatus()).isIn(BatchStatus.STOPPED, BatchStatus.UNKNOWN);
        int sentBeforeStop = smtp.getReceivedMessages().length;
        assertThat(sentBeforeStop).isBetween(10, n - 1);

        // Now make it look as if the process had been killed: the execution still
        // STARTED, and one delivery caught
        // between the SMTP server accepting it and the SENT commit (it was received, but
        // its row says SENDING).
        jdbc.update(
                "update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null where job_execution_id = ?",
                executionId);
        jdbc.update(
                "update batch_step_execution set status = 'STARTED', end_time = null where job_execution_id = ? and step_name = 'reminder-deliver'",
                executionId);
        long caughtMidSend = jdbc.queryForObject(
                """
                        select supporter_id from reminder_delivery where reminder_id = ? and status = 'SENT' order by id desc limit 1""",
                Long.class, reminderId);
        jdbc.update(
                "update reminder_delivery set status = 'SENDING', sent_at = null where reminder_id = ? and supporter_id = ?",
                reminderId, caughtMidSend);

        JobExecution restarted = launcher.run(reminderId);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(stopped.getJobInstance().getInstanceId());
        Map<String, Long> received = receivedPerAddress();
        assertThat(received).hasSize(n);
        for (long s : supporters) {
            assertThat(received.get(data.email(s))).as("emails to supporter %d", s).isEqualTo(1L);
        }
        assertThat(deliveryStatus(reminderId, caughtMidSend)).isEqualTo("IN_DOUBT");
        assertThat(reminderStatus(reminderId)).isEqualTo(ReminderStatus.SENT);
    }

    @Test
    void aSecondInstanceThatSeesTheReminderDueLeavesTheOtherInstancesRunAlone() throws Exception {
        int n = 40;
        confirmedSupporters(n);
        long reminderId = scheduledReminder();
        CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> {
            try {
                return run(reminderId);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(smtp.waitForIncomingEmail(10_000, 5)).isTrue();
        long executionId = jdbc.queryForObject("select job_execution_id from reminder where id = ?", Long.class,
                reminderId);

        // What the other instance's poller does when it saw the reminder due: it must not
        // take the live run over.
        JobExecution seenByTheOther = launcher.run(reminderId, false);

        assertThat(seenByTheOther.getId()).isEqualTo(executionId);
        assertThat(first.get().execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(smtp.getReceivedMessages()).hasSize(n);
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution e join batch_job_instance i "
                + "on i.job_instance_id = e.job_instance_id where e.job_execution_id = ? and e.status = 'COMPLETED'",
                Integer.class, executionId))
            .isOne();
    }

    @Test
    void retriesWithBackoffWhileTheMailServerIsDown() throws Exception {
        List<Long> supporters = confirmedSupporters(3);
        long reminderId = scheduledReminder();
        smtp.stop();

        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(reminderId);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "select count(*) from reminder_delivery where reminder_id = ? and last_error is not null",
                    Integer.class, reminderId))
                .isPositive());
        smtp.start();
        Run execution = running.get();

        assertThat(execution.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(receivedPerAddress()).hasSize(3).allSatisfy((address, count) -> assertThat(count).isOne());
        assertThat(jdbc.queryForObject("select max(attempts) from reminder_delivery where reminder_id = ?",
                Integer.class, reminderId))
            .isGreaterThan(1);
        supporters.forEach(s -> assertThat(deliveryStatus(reminderId, s)).isEqualTo("SENT"));
    }

    @Test
    void anEmailThatCannotBeBuiltIsRecordedAsAPermanentFailureAndTheRestStillGoOut() throws Exception {
        long ok = data.supporter("fine", "Fine", "VT", 0, Consent.CONFIRMED);
        long broken = data.supporter("broken", "Broken", "VT", 0, Consent.CONFIRMED);
        jdbc.update("update supporter set email = 'broken address@reminders.test' where id = ?", broken);
        long reminderId = scheduledReminder();

        Run execution = run(reminderId);

        assertThat(execution.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(receivedPerAddress()).containsOnlyKeys(data.email(ok));
        assertThat(deliveryStatus(reminderId, broken)).isEqualTo("FAILED_PERMANENT");
        assertThat(jdbc.queryForObject("select failed_count from reminder where id = ?", Integer.class, reminderId))
            .isOne();
    }

    @Test
    void cancellingMidRunSkipsEveryoneStillWaiting() throws Exception {
        confirmedSupporters(30);
        long reminderId = scheduledReminder();

        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(reminderId);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(smtp.waitForIncomingEmail(10_000, 5)).isTrue();
        reminders.cancel(reminderId);
        running.get();
        // GreenMail stores a message just after it answers 250: wait until it has every
        // message recorded SENT.
        await().pollInSameThread()
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(reminders.progress(reminderId).sent()));

        int received = smtp.getReceivedMessages().length;
        assertThat(received).isBetween(5, 29);
        assertThat(reminderStatus(reminderId)).isEqualTo(ReminderStatus.CANCELLED);
        assertThat(jdbc.queryForObject(
                "select count(*) from reminder_delivery where reminder_id = ? and status = 'SKIPPED'", Integer.class,
                reminderId))
            .isEqualTo(30 - received);
        assertThat(reminders.progress(reminderId).sent()).isEqualTo(received);
    }

    @Test
    void sendNowStartsTheJobAfterTheCommit() throws Exception {
        long supporter = data.supporter("now", "Nora", "VT", 0, Consent.CONFIRMED);
        Reminder reminder = reminders.create(new ReminderDraft("Now", "<p>Now</p>", "Now", Audience.all()),
                "organizer@advocacy.test");

        reminders.sendNow(reminder.getId());

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(receivedPerAddress()).containsOnlyKeys(data.email(supporter));
        await().atMost(Duration.ofSeconds(10)).until(() -> reminderStatus(reminder.getId()) == ReminderStatus.SENT);
    }

    @Test
    void anAudienceRuleIsAppliedWhenTheRecipientsAreWritten() throws Exception {
        long vt = data.supporter("vt", "Vera", "VT", 0, Consent.CONFIRMED);
        data.supporter("me", "Mel", "ME", 1, Consent.CONFIRMED);
        long reminderId = scheduledReminder("State", "<p>x</p>", "x",
                new Audience(AudienceRule.STATE, null, "VT", null, null, null, null));

        run(reminderId);

        assertThat(receivedPerAddress()).containsOnlyKeys(data.email(vt));
    }

}
