package org.advocacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillType;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTemplates;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.TargetMode;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.reminders.Audience;
import org.advocacy.reminders.Reminder;
import org.advocacy.reminders.ReminderDraft;
import org.advocacy.reminders.ReminderService;
import org.advocacy.testsupport.ReminderTestData;
import org.advocacy.testsupport.ReminderTestData.Consent;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Two instances of the whole application, each with its own web server, caches and
 * schedulers, on one database: what one changes, the other serves within a second; what
 * is scheduled on both runs once.
 */
class TwoInstancesIntegrationTests {

    static final TemplateSet TEMPLATES = new TemplateSet("Ask your members to pass the two-instance bill.", "Pass it",
            "Dear {{legislator.title}} {{legislator.lastName}}, please cosponsor.", "Please cosponsor.", "Meet.");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
        .withPerMethodLifecycle(false);

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String LISTENER = "advocacy public content listener";

    @BeforeAll
    static void startTwoInstances() {
        first = instance();
        second = instance();
    }

    @AfterAll
    static void stopThem() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext instance() {
        // Command-line arguments, which override application.yaml (default properties
        // would not).
        return new SpringApplicationBuilder(AdvocacyApplication.class).run("--server.port=0",
                "--advocacy.scheduling.enabled=true", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--advocacy.reminders.poll-interval=PT0.2S",
                "--advocacy.reminders.max-per-second=200", "--advocacy.cwc.drain.enabled=false",
                "--advocacy.site.minimum-fill-time=0s",
                // Long enough that only a missed notification could explain a fresh page:
                // the test waits one second.
                "--advocacy.site.campaign-cache-ttl=10m", "--advocacy.site.response-cache.fresh-for=10m");
    }

    @AfterEach
    void signOut() {
        staff(first).clearContext();
        staff(second).clearContext();
    }

    @Test
    void aStaffEditThroughOneInstanceIsServedByTheOtherWithinOneSecond() throws Exception {
        Campaign campaign = liveCampaign("Before the edit");
        String slug = campaign.getSlug();
        // The other instance now holds the page in both of its caches (page data and
        // rendered response).
        assertThat(page(second, slug)).contains("Before the edit");
        assertThat(page(second, slug)).contains("Before the edit");

        retitle(campaign, "After the edit");
        Instant committed = Instant.now();

        await().atMost(Duration.ofSeconds(1))
            .pollInterval(Duration.ofMillis(20))
            .untilAsserted(
                    () -> assertThat(page(second, slug)).contains("After the edit").doesNotContain("Before the edit"));
        assertThat(Duration.between(committed, Instant.now())).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aReminderDueOnBothInstancesIsSentOnceToEachSupporter() {
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        ReminderTestData data = new ReminderTestData(jdbc);
        data.clean();
        data.legislators();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            addresses.add(data.email(data.supporter("two-" + i, "Supporter " + i, i % 2 == 0 ? "VT" : "ME",
                    i % 2 == 0 ? 0 : 1, Consent.CONFIRMED)));
        }
        signInAsOrganizer(first);
        ReminderService reminders = first.getBean(ReminderService.class);
        Reminder reminder = reminders.create(new ReminderDraft("Call {{representative.name}}",
                "<p>Hello {{supporter.name}}</p>", "Hello {{supporter.name}}", Audience.all()),
                "organizer@advocacy.test");
        // Both instances' pollers see it due within 0.2 s of each other.
        reminders.schedule(reminder.getId(), Instant.now());

        await().atMost(Duration.ofSeconds(60))
            .until(() -> "SENT".equals(
                    jdbc.queryForObject("select status from reminder where id = ?", String.class, reminder.getId())));
        Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages())
            .map(TwoInstancesIntegrationTests::recipient)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(received).containsKeys(addresses.toArray(String[]::new));
        assertThat(received.values()).as("emails per recipient").allMatch(count -> count == 1);
        assertThat(jdbc.queryForObject("select count(*) from reminder_delivery where reminder_id = ?", Integer.class,
                reminder.getId()))
            .isEqualTo(received.size());
        data.clean();
    }

    @Test
    void afterTheDatabaseDropsTheListeningConnectionsAnEditStillReachesTheOtherInstance() throws Exception {
        Campaign campaign = liveCampaign("Before the outage");
        assertThat(page(second, campaign.getSlug())).contains("Before the outage");
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);

        // What a database restart does to them, without stopping the pools' connections
        // too. (Other application
        // contexts of this test run may listen on this database as well.)
        int dropped = jdbc.queryForList("""
                select pg_terminate_backend(pid) from pg_stat_activity
                where application_name = ? and datname = current_database()""", Boolean.class, LISTENER).size();
        assertThat(dropped).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where application_name = ? and datname = current_database()",
                    Integer.class, LISTENER) >= dropped);

        retitle(campaign, "After the outage");
        await().atMost(Duration.ofSeconds(1))
            .pollInterval(Duration.ofMillis(20))
            .untilAsserted(() -> assertThat(page(second, campaign.getSlug())).contains("After the outage"));
    }

    @Test
    void aSupporterWhoGaveTheirDetailsOnOneInstanceCarriesOnOnTheOtherAndTheConsoleKeepsItsOwnSession()
            throws Exception {
        Campaign campaign = liveCampaign("Session hand-over");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String callPage = "/campaigns/" + campaign.getSlug() + "/call?zip=05401&district=VT-0";
        HttpResponse<String> form = browser.send(
                get(first, "/supporter?next=" + URLEncoder.encode(callPage, StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());
        String email = "hand-over-" + System.nanoTime() + "@example.org";
        Map<String, String> fields = new LinkedHashMap<>(hiddenFields(form.body()));
        fields.putAll(Map.of("name", "Hand Over", "email", email, "zip", "05401", "next", callPage, "website", ""));
        HttpResponse<String> saved = browser.send(post(first, "/supporter", fields),
                HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("SESSION="))
            .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));

        // The first instance is gone for this supporter: the second one knows who they
        // are and shows the action.
        HttpResponse<String> call = browser.send(get(second, callPage), HttpResponse.BodyHandlers.ofString());
        assertThat(call.statusCode()).as("the call page on the other instance, not the details form").isEqualTo(200);
        assertThat(call.body()).contains("name=\"outcome\"").doesNotContain("name=\"email\"");

        // Another request of the visit within the minute reads the session but does not
        // write its row again.
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        String lastAccess = """
                select s.last_access_time from spring_session s
                join spring_session_attributes a on a.session_primary_id = s.primary_id
                where a.attribute_name like '%SupporterSession' order by s.creation_time desc limit 1""";
        Long accessed = jdbc.queryForObject(lastAccess, Long.class);
        assertThat(browser.send(get(first, callPage), HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(200);
        assertThat(jdbc.queryForObject(lastAccess, Long.class)).isEqualTo(accessed);

        HttpResponse<String> console = browser.send(get(second, "/admin/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(console.headers().allValues("Set-Cookie")).as("the console's container session")
            .anyMatch(cookie -> cookie.startsWith("JSESSIONID="))
            .noneMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(first.getBean(JdbcTemplate.class)
            .queryForObject(
                    """
                            select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                            where a.attribute_name like '%SupporterSession'""",
                    Integer.class))
            .isPositive();
    }

    private static Campaign liveCampaign(String title) {
        signInAsOrganizer(first);
        CampaignService campaigns = first.getBean(CampaignService.class);
        BillService bills = first.getBean(BillService.class);
        Bill bill = bills.create(119, BillType.HR, ThreadLocalRandom.current().nextInt(10_000, 99_999),
                "Two instance act");
        bills.recordStatus(bill.getId(), LocalDate.of(2025, 7, 10), null, "Introduced", BillStage.INTRODUCED);
        String slug = "two-instances-" + ThreadLocalRandom.current().nextInt(10_000_000);
        Campaign campaign = campaigns
            .create(new CampaignDetails(slug, title, null, "<p>Explainer</p>", null, CampaignStatus.LIVE, 100, true,
                    true, true, true, true, TargetMode.ALL, Set.of(), Set.of(bill.getId()), List.of()));
        return first.getBean(CampaignTemplates.class).put(campaign.getId(), BillStage.INTRODUCED, TEMPLATES);
    }

    /** A staff edit through the first instance. */
    private static void retitle(Campaign campaign, String title) {
        signInAsOrganizer(first);
        CampaignService campaigns = first.getBean(CampaignService.class);
        Campaign current = campaigns.find(campaign.getId()).orElseThrow();
        CampaignDetails edited = CampaignDetails.of(current);
        campaigns.update(current.getId(), current.getVersion(),
                new CampaignDetails(edited.slug(), title, edited.tagline(), edited.explainerHtml(),
                        edited.whyItMattersHtml(), edited.status(), edited.goal(), edited.letterEnabled(),
                        edited.callEnabled(), edited.meetingEnabled(), edited.targetHouse(), edited.targetSenate(),
                        edited.targetMode(), edited.specificTargets(), edited.billIds(), edited.keyFacts()));
    }

    private static HttpRequest get(ConfigurableApplicationContext instance, String path) {
        return HttpRequest.newBuilder(URI.create(base(instance) + path)).header("Accept", "text/html").GET().build();
    }

    private static HttpRequest post(ConfigurableApplicationContext instance, String path, Map<String, String> fields) {
        String body = fields.entrySet()
            .stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(base(instance) + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    }

    private static Map<String, String> hiddenFields(String html) {
        return Jsoup.parse(html)
            .select("form[action$=/supporter] input[type=hidden]")
            .stream()
            .collect(Collectors.toMap(input -> input.attr("name"), input -> input.attr("value"), (a, b) -> a));
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    private static String page(ConfigurableApplicationContext instance, String slug) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base(instance) + "/campaigns/" + slug)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static SecurityContextHolderStrategy staff(ConfigurableApplicationContext instance) {
        return instance.getBean(SecurityContextHolderStrategy.class);
    }

    private static void signInAsOrganizer(ConfigurableApplicationContext instance) {
        staff(instance).getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken("organizer@advocacy.test", null,
                    AuthorityUtils.createAuthorityList("ROLE_ORGANIZER")));
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
