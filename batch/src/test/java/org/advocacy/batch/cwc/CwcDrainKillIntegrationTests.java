package org.advocacy.batch.cwc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.advocacy.cwc.CwcLetters;
import org.advocacy.cwc.CwcSender;
import org.advocacy.legislators.GeocoderTestServer;
import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.DeliveryMethod;
import org.advocacy.supporters.NewAction;
import org.advocacy.testsupport.PostgresTestDatabase;
import org.advocacy.testsupport.SharedSmtp;
import org.advocacy.testsupport.cwc.CwcTestData;
import org.advocacy.testsupport.cwc.CwcTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real crash: the batch application runs in a separate JVM, drains the outbox into the
 * CWC test server (which lives here, so it sees every POST from both processes), and is
 * killed with SIGKILL mid-drain. This JVM then drains as the restarted instance would.
 * Every letter is delivered once; at most the one in flight at the kill is in doubt, and
 * it is not posted again.
 */
@SpringBootTest(properties = { "advocacy.cwc.house.api-key=" + CwcDrainKillIntegrationTests.KEY,
        "advocacy.cwc.drain.stale-after=PT1S", "advocacy.cwc.drain.max-run=PT2M", "advocacy.cwc.agent.name=Agent",
        "advocacy.cwc.agent.ack-email=acks@agent.example", "advocacy.cwc.agent.contact-name=Ann Agent",
        "advocacy.cwc.agent.contact-email=ann@agent.example", "advocacy.cwc.agent.contact-phone=202-555-0100" })
class CwcDrainKillIntegrationTests {

    static final String KEY = "kill-test-key";
    static final int LETTERS = 600;
    static final CwcTestServer HOUSE = CwcTestServer.start(KEY, 'H');

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("advocacy.cwc.house.base-url", HOUSE::baseUrl);
    }

    @AfterAll
    static void stop() throws IOException {
        HOUSE.close();
    }

    @Autowired
    CwcLetters letters;

    @Autowired
    CwcSender sender;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aKilledDrainerLosesNothingAndSendsNothingTwice() throws Exception {
        CwcTestData data = new CwcTestData(jdbc);
        data.clean();
        long campaign = data.campaign("cwc-kill");
        long supporter = data.supporter("killed");
        List<CwcLetters.Letter> batch = new ArrayList<>();
        for (int i = 0; i < LETTERS; i++) {
            String key = "kill" + i;
            batch
                .add(new CwcLetters.Letter(
                        new NewAction(supporter, campaign, ActionType.LETTER, "B001318", DeliveryMethod.CWC, null, "VT",
                                0, "cwc-test:" + key),
                        data.letter(key, campaign, supporter, "B001318", "HVT00", i % 2 == 0)));
        }
        letters.queue(batch, false);
        HOUSE.delay(5);

        Path log = Files.createTempFile("cwc-drain-process", ".log");
        Process child = startDrainer(log);
        try {
            await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> HOUSE.accepted().size() >= LETTERS / 4 || !child.isAlive());
            assertThat(child.isAlive()).as("the drainer is still running; its log is in " + log).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(Duration.ofSeconds(20))).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
        }
        finally {
            child.destroyForcibly();
        }
        int beforeRestart = HOUSE.accepted().size();
        assertThat(beforeRestart).isBetween(LETTERS / 4, LETTERS - 1);

        HOUSE.delay(0);
        await().atMost(Duration.ofSeconds(60))
            .pollDelay(Duration.ofMillis(1100))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> {
                sender.drain();
                return jdbc.queryForObject("select count(*) from cwc_delivery where status in ('PENDING', 'SENDING')",
                        Integer.class) == 0;
            });

        Map<String, Integer> posts = HOUSE.postsByDeliveryId();
        assertThat(posts.values()).as("no DeliveryId posted twice").allSatisfy(n -> assertThat(n).isOne());
        Map<String, Long> states = jdbc.queryForList("select status, count(*) as n from cwc_delivery group by status")
            .stream()
            .collect(Collectors.toMap(r -> (String) r.get("status"), r -> (Long) r.get("n")));
        long inDoubt = states.getOrDefault("IN_DOUBT", 0L);
        assertThat(inDoubt).as("at most the one in flight at the kill").isLessThanOrEqualTo(1);
        assertThat(states.getOrDefault("DELIVERED", 0L) + inDoubt).isEqualTo(LETTERS);
        Set<String> delivered = Set
            .copyOf(jdbc.queryForList("select delivery_id from cwc_delivery where status = 'DELIVERED'", String.class));
        Set<String> accepted = HOUSE.accepted()
            .stream()
            .map(CwcDrainKillIntegrationTests::deliveryId)
            .collect(Collectors.toSet());
        assertThat(accepted).hasSize(HOUSE.accepted().size()).containsAll(delivered);
        assertThat(jdbc.queryForObject("select count(*) from cwc_delivery where address1 is not null", Integer.class))
            .isZero();
    }

    private static Process startDrainer(Path log) throws IOException {
        var db = PostgresTestDatabase.connection();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CwcDrainProcess.class.getName(), "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
                "--spring.main.web-application-type=none", "--advocacy.scheduling.enabled=true",
                // What the test contexts get from the shared test services' customizers.
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SharedSmtp.port(),
                "--advocacy.geocoder.base-url=" + GeocoderTestServer.shared().baseUrl(),
                // Only the drain: the reminder pollers wait an hour before their first
                // look.
                "--advocacy.reminders.poll-interval=PT1H", "--advocacy.roster.load-on-start=false",
                "--advocacy.districts.load-on-start=false", "--advocacy.demo-data=false",
                "--advocacy.cwc.house.base-url=" + HOUSE.baseUrl(), "--advocacy.cwc.house.api-key=" + KEY,
                "--advocacy.cwc.drain.poll-interval=PT0.2S", "--advocacy.cwc.drain.lock-at-most-for=PT5S",
                "--advocacy.cwc.agent.name=Agent", "--advocacy.cwc.agent.ack-email=acks@agent.example",
                "--advocacy.cwc.agent.contact-name=Ann Agent", "--advocacy.cwc.agent.contact-email=ann@agent.example",
                "--advocacy.cwc.agent.contact-phone=202-555-0100"));
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(new File("."))
            .start();
    }

    private static String deliveryId(String xml) {
        int start = xml.indexOf("<DeliveryId>") + "<DeliveryId>".length();
        return xml.substring(start, xml.indexOf("</DeliveryId>"));
    }

}
