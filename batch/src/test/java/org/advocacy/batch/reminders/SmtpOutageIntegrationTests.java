package org.advocacy.batch.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.advocacy.reminders.Audience;
import org.advocacy.reminders.Reminder;
import org.advocacy.reminders.ReminderDraft;
import org.advocacy.reminders.ReminderService;
import org.advocacy.testsupport.ReminderTestData;
import org.advocacy.testsupport.ReminderTestData.Consent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.core.context.SecurityContextHolder;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Fault test (issue 7): the mail server becomes unreachable in the middle of a reminder
 * run (connections cut and refused) and stays so longer than the sender's retries. The
 * run stops with the reminder FAILED and everyone not yet sent still PENDING; when the
 * server is back, Resume sends the rest. Every recipient receives the reminder exactly
 * once across both runs. (Retries during a shorter outage:
 * {@code ReminderSendJobIntegrationTests.retriesWithBackoffWhileTheMailServerIsDown}.)
 */
@SpringBootTest(properties = { "advocacy.reminders.scheduling.enabled=false", "advocacy.reminders.max-per-second=20",
        "advocacy.reminders.send.workers=" + SmtpOutageIntegrationTests.WORKERS,
        "advocacy.reminders.initial-backoff=PT0.1S", "advocacy.reminders.max-backoff=PT0.2S",
        "advocacy.reminders.max-attempts=4" })
class SmtpOutageIntegrationTests {

    static final int WORKERS = 3;

    /**
     * GreenMail on a free port (not the fixed 3025 other builds on the machine may hold).
     */
    static final int SMTP_PORT = freePort();

    /**
     * The app reaches the mail server through this relay; cutting it is the outage
     * (GreenMail keeps what it got).
     */
    static final Relay relay = new Relay(freePort(), SMTP_PORT);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", relay::port);
    }

    @Autowired
    ReminderService reminders;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReminderJobLauncher launcher;

    ReminderTestData data;

    @BeforeEach
    void setUp() throws IOException {
        relay.up();
        SecurityContextHolder.getContext()
            .setAuthentication(new TestingAuthenticationToken("organizer@advocacy.test", null, "ROLE_ORGANIZER"));
        data = new ReminderTestData(jdbc);
        data.clean();
        data.legislators();
    }

    @AfterEach
    void tearDown() {
        relay.down();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aMailServerDownForLongerThanTheRetriesFailsTheRunResumablyAndTheResumeSendsEachRemainingRecipientOnce()
            throws Exception {
        int n = 30;
        for (int i = 0; i < n; i++) {
            data.supporter("outage" + i, "Supporter " + i, i % 2 == 0 ? "VT" : "ME", i % 2 == 0 ? 0 : 1,
                    Consent.CONFIRMED);
        }
        Reminder reminder = reminders.create(new ReminderDraft("Call {{representative.name}}",
                "<p>Hello {{supporter.name}}</p>", "Hello {{supporter.name}}", Audience.all()),
                "organizer@advocacy.test");
        long id = reminder.getId();

        reminders.sendNow(id);
        assertThat(smtp.waitForIncomingEmail(10_000, 8)).isTrue();
        relay.down();

        awaitStatus(id, "FAILED", Duration.ofSeconds(30));
        awaitRunEnded(id);
        assertThat(jdbc.queryForObject("select last_error from reminder where id = ?", String.class, id))
            .contains("The mail server failed 4 times in a row");
        // The batch at the head of the queue was tried 4 times by its worker while the
        // others waited; a claim by
        // another worker that raced the first failure adds at most one try per worker.
        assertThat(jdbc.queryForObject(
                "select max(attempts) from reminder_delivery where reminder_id = ? and status = 'PENDING'",
                Integer.class, id))
            .as("the retries of the recipients at the head of the queue")
            .isBetween(4, 4 + WORKERS - 1);

        // The server is reachable again; nothing is sent until Resume.
        relay.up();
        int receivedBeforeOutage = smtp.getReceivedMessages().length;
        await().during(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(2))
            .until(() -> smtp.getReceivedMessages().length == receivedBeforeOutage);
        assertThat(receivedBeforeOutage).isBetween(8, n - 1);
        Map<String, Integer> stopped = deliveryCounts(id);
        int sent = stopped.getOrDefault("SENT", 0);
        // The cut may fall in the middle of a hand-off: that email is in doubt (the
        // server may have taken it, so it
        // is never sent again; at most one per worker), every other one is SENT exactly
        // when the server has it.
        int inDoubt = stopped.getOrDefault("IN_DOUBT", 0);
        assertThat(inDoubt).as("deliveries cut mid-hand-off").isBetween(0, WORKERS);
        assertThat(receivedBeforeOutage).as("emails the server has").isBetween(sent, sent + inDoubt);
        assertThat(stopped.getOrDefault("PENDING", 0)).as("delivery rows left for a resume")
            .isEqualTo(n - sent - inDoubt);
        assertThat(stopped).doesNotContainKeys("SENDING", "FAILED_PERMANENT");
        assertThat(jdbc.queryForObject("select status from reminder where id = ?", String.class, id))
            .isEqualTo("FAILED");

        reminders.resume(id);
        awaitStatus(id, "SENT", Duration.ofSeconds(30));

        Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages())
            .map(SmtpOutageIntegrationTests::recipient)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> recipients = jdbc.queryForList(
                """
                        select s.email from reminder_delivery d join supporter s on s.id = d.supporter_id where d.reminder_id = ?""",
                String.class, id);
        assertThat(recipients).hasSize(n);
        assertThat(received.values()).as("nobody gets the reminder twice").allMatch(count -> count == 1L);
        assertThat(received).hasSizeBetween(n - inDoubt, n);
        Map<String, Integer> finished = deliveryCounts(id);
        assertThat(finished.getOrDefault("SENT", 0)).isEqualTo(n - inDoubt);
        assertThat(finished.getOrDefault("IN_DOUBT", 0)).isEqualTo(inDoubt);
        assertThat(finished).doesNotContainKeys("PENDING", "SENDING", "FAILED_PERMANENT");
        assertThat(jdbc.queryForObject("select sent_count from reminder where id = ?", Integer.class, id))
            .isEqualTo(n - inDoubt);
    }

    @Test
    void eachSendingWorkerKeepsOneConnectionOpenForAllItsEmails() throws Exception {
        int n = 40;
        for (int i = 0; i < n; i++) {
            data.supporter("reuse" + i, "Supporter " + i, i % 2 == 0 ? "VT" : "ME", i % 2 == 0 ? 0 : 1,
                    Consent.CONFIRMED);
        }
        Reminder reminder = reminders.create(new ReminderDraft("Call {{representative.name}}",
                "<p>Hello {{supporter.name}}</p>", "Hello {{supporter.name}}", Audience.all()),
                "organizer@advocacy.test");
        relay.takeConnectionCount();

        reminders.sendNow(reminder.getId());
        // Two seconds at 20 emails/s; the margin is for a machine busy with other builds.
        awaitStatus(reminder.getId(), "SENT", Duration.ofSeconds(120));

        assertThat(smtp.getReceivedMessages()).hasSize(n);
        assertThat(deliveryCounts(reminder.getId())).containsExactly(Map.entry("SENT", n));
        assertThat(relay.takeConnectionCount()).as("SMTP connections for %d emails", n).isBetween(1, WORKERS);
    }

    private Map<String, Integer> deliveryCounts(long reminderId) {
        return jdbc.query("select status, count(*) from reminder_delivery where reminder_id = ? group by status",
                rs -> {
                    Map<String, Integer> counts = new TreeMap<>();
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getInt(2));
                    }
                    return counts;
                }, reminderId);
    }

    private void awaitStatus(long reminderId, String wanted, Duration within) {
        await().atMost(within)
            .untilAsserted(() -> assertThat(
                    jdbc.queryForObject("select status from reminder where id = ?", String.class, reminderId))
                .as("reminder %d status", reminderId)
                .isEqualTo(wanted));
    }

    /**
     * The failed run's job execution has ended (Resume starts a new run only once the old
     * one is over).
     */
    private void awaitRunEnded(long reminderId) {
        await().atMost(Duration.ofSeconds(10))
            .until(() -> jdbc.queryForObject(
                    """
                            select count(*) from batch_job_execution where job_execution_id = (select job_execution_id from reminder where id = ?)
                              and end_time is null""",
                    Integer.class, reminderId) == 0);
        // The launcher lets go of the reminder just after the execution ends.
        await().atMost(Duration.ofSeconds(5)).until(() -> !launcher.isRunningHere(reminderId));
    }

    /**
     * A TCP relay to the mail server. Down: its listening socket is closed (connections
     * are refused) and every connection through it is cut, as when the mail server's host
     * goes away.
     */
    static final class Relay {

        private final int port;

        private final int target;

        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        private final AtomicInteger accepted = new AtomicInteger();

        private volatile @Nullable ServerSocket server;

        Relay(int port, int target) {
            this.port = port;
            this.target = target;
        }

        int port() {
            return port;
        }

        /** Connections opened through the relay since the last call. */
        int takeConnectionCount() {
            return accepted.getAndSet(0);
        }

        synchronized void up() throws IOException {
            if (server != null) {
                return;
            }
            ServerSocket listening = new ServerSocket();
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = listening;
            Thread.ofVirtual().start(() -> accept(listening));
        }

        synchronized void down() {
            ServerSocket listening = server;
            server = null;
            closeQuietly(listening);
            open.forEach(Relay::closeQuietly);
            open.clear();
        }

        private void accept(ServerSocket listening) {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    accepted.incrementAndGet();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(upstream);
                    Thread.ofVirtual().start(() -> pipe(client, upstream));
                    Thread.ofVirtual().start(() -> pipe(upstream, client));
                }
                catch (IOException e) {
                    // Closed by down().
                }
            }
        }

        private void pipe(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            }
            catch (IOException e) {
                // One side closed.
            }
            finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }

        private static void closeQuietly(@Nullable Closeable closeable) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            }
            catch (IOException e) {
                // Already closed.
            }
        }

    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
