package org.advocacy.cwc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.advocacy.legislators.LegislatorService;
import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.DeliveryMethod;
import org.advocacy.supporters.NewAction;
import org.advocacy.testsupport.cwc.CwcTestData;
import org.advocacy.testsupport.cwc.CwcTestServer;
import org.advocacy.testsupport.cwc.CwcTestServer.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

@SpringBootTest(properties = { "advocacy.base-url=https://act.example.org", "advocacy.cwc.house.api-key=house-key",
        "advocacy.cwc.senate.api-key=senate-key", "advocacy.cwc.agent.name=Survivor Justice Network",
        "advocacy.cwc.agent.ack-email=acks@sjn.example", "advocacy.cwc.agent.contact-name=Dana Ortiz",
        "advocacy.cwc.agent.contact-email=dana@sjn.example", "advocacy.cwc.agent.contact-phone=802-555-0142",
        "advocacy.cwc.agent.organization=Survivor Justice Network", "advocacy.cwc.drain.immediate-tries=3",
        "advocacy.cwc.drain.immediate-delay=PT0.05S", "advocacy.cwc.drain.retry-delay=PT0S",
        "advocacy.cwc.drain.max-attempts=3", "advocacy.cwc.drain.request-timeout=PT5S" })
class CwcOutboxIntegrationTests {

    static final CwcTestServer HOUSE = CwcTestServer.start("house-key", 'H');
    static final CwcTestServer SENATE = CwcTestServer.start("senate-key", 'S');

    /** Serves the Senate's active-offices list; each test sets what it answers. */
    static final AtomicReference<String> OFFICES_JSON = new AtomicReference<>("[]");
    static final HttpServer OFFICES = officesServer();

    static HttpServer officesServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/active_offices.json", exchange -> {
                byte[] body = OFFICES_JSON.get().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("advocacy.cwc.house.base-url", HOUSE::baseUrl);
        registry.add("advocacy.cwc.senate.base-url", SENATE::baseUrl);
        registry.add("advocacy.cwc.senate.offices-url",
                () -> "http://127.0.0.1:" + OFFICES.getAddress().getPort() + "/api/active_offices.json");
    }

    @AfterAll
    static void stop() throws IOException {
        HOUSE.close();
        SENATE.close();
        OFFICES.stop(0);
    }

    @Autowired
    CwcLetters letters;

    @Autowired
    CwcSender sender;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CwcOffices offices;

    @Autowired
    LegislatorService legislators;

    CwcTestData data;

    long campaign;

    long supporter;

    @BeforeEach
    void setUp() {
        HOUSE.reset();
        SENATE.reset();
        data = new CwcTestData(jdbc);
        data.clean();
        campaign = data.campaign("cwc-outbox");
        supporter = data.supporter("rosa");
    }

    private List<Long> queue(String token, boolean edited, String... bioguideAndOffice) {
        List<CwcLetters.Letter> batch = new ArrayList<>();
        for (int i = 0; i < bioguideAndOffice.length; i += 2) {
            String key = token + ":" + bioguideAndOffice[i];
            batch.add(new CwcLetters.Letter(
                    new NewAction(supporter, campaign, ActionType.LETTER, bioguideAndOffice[i], DeliveryMethod.CWC,
                            null, "VT", 0, "cwc-test:" + key),
                    data.letter(key, campaign, supporter, bioguideAndOffice[i], bioguideAndOffice[i + 1], edited)));
        }
        return letters.queue(batch, false);
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from cwc_delivery where id = ?", String.class, id);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("select * from cwc_delivery where id = ?", id);
    }

    @Test
    void aLetterToTheRepresentativeAndACwcSenatorIsOneValidMessagePerOffice() {
        List<Long> ids = queue("t1", false, "B001318", "HVT00", "S000033", "SVT01");

        assertThat(sender.drain().delivered()).isEqualTo(2);

        assertThat(HOUSE.accepted()).singleElement()
            .satisfies(xml -> assertThat(xml).contains("<MemberOffice>HVT00</MemberOffice>")
                .contains("<Prefix>Ms.</Prefix><FirstName>Rosa</FirstName><LastName>Alvarez</LastName>"
                        + "<Address1>12 Church Street</Address1><Address2>Apt 3</Address2><City>Burlington</City>"
                        + "<StateAbbreviation>VT</StateAbbreviation><Zip>05401</Zip><Email>rosa@cwc.test</Email>")
                .contains("<Bills><Bill><BillCongress>119</BillCongress><BillTypeAbbreviation>hr</BillTypeAbbreviation>"
                        + "<BillNumber>9901</BillNumber></Bill></Bills>")
                .contains("<LibraryOfCongressTopic>Crime and Law Enforcement</LibraryOfCongressTopic>")
                .contains("<CampaignId>cwc-outbox</CampaignId>")
                .contains("<OrganizationStatement>The campaign's letter, unchanged.</OrganizationStatement>")
                .contains("<MoreInfo>https://act.example.org/campaigns/cwc-outbox</MoreInfo>")
                .contains("<DeliveryId>" + row(ids.get(0)).get("delivery_id") + "</DeliveryId>")
                .doesNotContain("ConstituentMessage"));
        assertThat(SENATE.accepted()).singleElement()
            .satisfies(xml -> assertThat(xml).contains("<MemberOffice>SVT01</MemberOffice>"));
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("DELIVERED"));
        assertThat(jdbc.queryForObject(
                "select count(*) from supporter_action where supporter_id = ? and delivery_method = 'CWC'",
                Integer.class, supporter))
            .isEqualTo(2);
    }

    @Test
    void officeCodesFollowTheHouseRuleAndTheSenateListJoinedWithTheRoster() {
        jdbc.update("""
                insert into legislator (bioguide_id, first_name, last_name, chamber, state, senate_class, party,
                    term_start, term_end, in_office, left_office_on)
                values ('L000174', 'Patrick', 'Leahy', 'SENATE', 'VT', 3, 'Democrat', date '2017-01-03',
                    date '2023-01-03', false, date '2023-01-03') on conflict (bioguide_id) do nothing""");

        assertThat(offices.officeCode(legislators.find("B001318").orElseThrow())).contains("HVT00");
        assertThat(offices.officeCode(legislators.find("S000033").orElseThrow())).contains("SVT01");
        assertThat(offices.officeCode(legislators.find("W000800").orElseThrow())).as("not on the Senate list")
            .isEmpty();
        assertThat(offices.officeCode(legislators.find("L000174").orElseThrow())).as("on the list, left office")
            .isEmpty();
        assertThat(offices.senateOfficeCount()).isEqualTo(40);
    }

    @Test
    void theSenateListIsRefreshedFromTheLiveUrlAndKeptWhenTheAnswerIsUnusable() throws IOException {
        String snapshot;
        try (var in = new ClassPathResource(CwcOffices.SNAPSHOT).getInputStream()) {
            snapshot = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            OFFICES_JSON.set("""
                    [{"name": "Bernard Sanders [bioguide_id: S000033]", "office_code": "SVT01"},
                     {"name": "Peter Welch [bioguide_id: W000800]", "office_code": "SVT03"}]""");
            offices.refresh();
            assertThat(offices.officeCode(legislators.find("W000800").orElseThrow())).contains("SVT03");
            assertThat(offices.senateOfficeCount()).isEqualTo(2);

            OFFICES_JSON.set("<html>maintenance</html>");
            offices.refresh();
            assertThat(offices.senateOfficeCount()).as("garbage changes nothing").isEqualTo(2);
        }
        finally {
            OFFICES_JSON.set(snapshot);
            offices.refresh();
        }
        assertThat(offices.senateOfficeCount()).isEqualTo(40);
        assertThat(offices.officeCode(legislators.find("W000800").orElseThrow())).isEmpty();
    }

    @Test
    void theAddressIsGoneFromTheTableOnceDeliveredWhileZipAndDistrictStay() {
        long id = queue("t2", false, "B001318", "HVT00").getFirst();
        assertThat(row(id).get("address1")).isEqualTo("12 Church Street");

        sender.drain();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "DELIVERED")
            .containsEntry("zip", "05401")
            .containsEntry("state", "VT")
            .containsEntry("district", 0);
        for (String column : List.of("address1", "address2", "city", "first_name", "last_name", "prefix", "email",
                "message")) {
            assertThat(row.get(column)).as(column).isNull();
        }
        assertThat(row.get("erased_at")).isNotNull();
    }

    @Test
    void erasingTheSupporterErasesTheirAddressAndAWaitingLetterIsNotSent() {
        long id = queue("t11", false, "B001318", "HVT00").getFirst();

        jdbc.update("delete from supporter where id = ?", supporter);

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "FAILED").containsEntry("retryable", false);
        assertThat(row.get("address1")).isNull();
        assertThat(row.get("first_name")).isNull();
        assertThat(row.get("message")).isNull();
        assertThat(sender.drain().handled()).isZero();
        assertThat(HOUSE.postsByDeliveryId()).isEmpty();
    }

    @Test
    void anEditedLetterGoesAsConstituentMessage() {
        queue("t3", true, "B001318", "HVT00");

        sender.drain();

        assertThat(HOUSE.accepted()).singleElement()
            .satisfies(xml -> assertThat(xml)
                .contains("<ConstituentMessage>My own letter, in my own words.</ConstituentMessage>")
                .doesNotContain("OrganizationStatement"));
    }

    @Test
    void aRefusalBecomesFailedWithTheServersOwnWordsAndErasesTheAddress() {
        data.topics(campaign, List.of());
        jdbc.update("insert into campaign_cwc_topic (campaign_id, topic) values (?, 'Not a topic')", campaign);
        long id = queue("t4", false, "B001318", "HVT00").getFirst();

        assertThat(sender.drain().failed()).isOne();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "FAILED").containsEntry("retryable", false);
        assertThat((String) row.get("last_error")).contains("Not a topic");
        assertThat(row.get("address1")).isNull();
        assertThat(sender.drain().handled()).isZero();
        assertThat(HOUSE.postsByDeliveryId()).hasSize(1).containsValue(1);
    }

    @Test
    void serviceUnavailableIsRetriedAndThenDeliveredOnce() {
        HOUSE.next(2, Behaviour.UNAVAILABLE);
        long id = queue("t5", false, "B001318", "HVT00").getFirst();

        assertThat(sender.drain().delivered()).isOne();

        String deliveryId = (String) row(id).get("delivery_id");
        assertThat(HOUSE.postsByDeliveryId()).containsExactly(Map.entry(deliveryId, 3));
        assertThat(HOUSE.accepted()).hasSize(1);
        assertThat(status(id)).isEqualTo("DELIVERED");
    }

    @Test
    void aLongOutageReleasesTheLetterForLaterThenGivesUpAsARetryableFailureKeepingTheAddress() {
        HOUSE.next(100, Behaviour.UNAVAILABLE);
        long id = queue("t6", false, "B001318", "HVT00").getFirst();

        assertThat(sender.drain().failed()).isOne();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "FAILED").containsEntry("retryable", true).containsEntry("attempts", 3);
        assertThat((String) row.get("last_error")).contains("Gave up after 3 tries").contains("503");
        assertThat(row.get("address1")).isEqualTo("12 Church Street");
        assertThat(HOUSE.accepted()).isEmpty();
    }

    @Test
    void aConnectionBrokenAfterTheBodyLeavesItInDoubtAndItIsNeverPostedAgain() {
        HOUSE.next(1, Behaviour.DROP_AFTER_BODY);
        long id = queue("t7", false, "B001318", "HVT00").getFirst();

        assertThat(sender.drain().inDoubt()).isOne();
        assertThat(sender.drain().handled()).isZero();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "IN_DOUBT");
        assertThat(row.get("address1")).isNull();
        assertThat(HOUSE.postsByDeliveryId()).containsExactly(Map.entry((String) row.get("delivery_id"), 1));
    }

    @Test
    void aRowLeftSendingByAStoppedSenderIsInDoubtAndNotPosted() {
        long id = queue("t8", false, "B001318", "HVT00").getFirst();
        jdbc.update("update cwc_delivery set status = 'SENDING', sending_at = now() - interval '1 hour' where id = ?",
                id);

        assertThat(sender.drain().abandoned()).isOne();

        assertThat(status(id)).isEqualTo("IN_DOUBT");
        assertThat(row(id).get("address1")).isNull();
        assertThat(HOUSE.postsByDeliveryId()).isEmpty();
    }

    @Test
    void afterThirtyDaysAnUndeliveredAddressIsErasedAndTheLetterFails() {
        long id = queue("t9", false, "B001318", "HVT00").getFirst();
        jdbc.update(
                "update cwc_delivery set created_at = now() - interval '31 days', next_attempt_at = now() + interval '1 day' where id = ?",
                id);

        sender.drain();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "FAILED").containsEntry("retryable", false);
        assertThat(row.get("address1")).isNull();
        assertThat(row.get("zip")).isEqualTo("05401");
    }

    @Test
    void theSameSubmissionTwiceQueuesAndCountsOneLetter() {
        List<Long> first = queue("t10", false, "B001318", "HVT00");
        List<Long> again = queue("t10", false, "B001318", "HVT00");

        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from cwc_delivery", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from supporter_action where supporter_id = ?", Integer.class,
                supporter))
            .isOne();
    }

    @Test
    void twoSendersDrainingAtOnceDeliverEachLetterOnce() throws Exception {
        for (int i = 0; i < 150; i++) {
            queue("bulk" + i, false, "B001318", "HVT00");
        }
        HOUSE.delay(2);
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Callable<CwcSender.DrainResult>> drains = List.of(sender::drain, sender::drain, sender::drain);
            int delivered = 0;
            for (var result : pool.invokeAll(drains)) {
                delivered += result.get().delivered();
            }
            assertThat(delivered).isEqualTo(150);
        }
        assertThat(HOUSE.accepted()).hasSize(150);
        assertThat(HOUSE.postsByDeliveryId()).hasSize(150).allSatisfy((id, posts) -> assertThat(posts).isOne());
        assertThat(jdbc.queryForObject("select count(*) from cwc_delivery where status = 'DELIVERED'", Integer.class))
            .isEqualTo(150);
    }

}
