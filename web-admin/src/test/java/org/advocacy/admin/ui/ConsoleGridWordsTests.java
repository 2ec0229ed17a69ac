package org.advocacy.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.advocacy.supporters.ActionType;
import org.advocacy.testsupport.ConsoleTestData;
import org.advocacy.testsupport.cwc.CwcTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;

/**
 * Staff read words, not machine values: with data in every table, every grid of every
 * console route is read cell by cell, and no cell may hold an ISO-8601 timestamp or date,
 * a bare enum code, a bioguide id or a bare number where a campaign, member or person
 * belongs. The jobs view needs the batch module and is checked by the app module's
 * browser tests ({@code ConsoleJobsBrowserIntegrationTests}).
 */
@SpringBootTest
@WithMockUser(username = "grid-words-admin@example.org", roles = "ADMIN")
class ConsoleGridWordsTests extends SpringBrowserlessTest {

    static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?");
    static final Pattern ENUM = Pattern.compile("^[A-Z][A-Z_]{2,}$");
    static final Pattern BIOGUIDE = Pattern.compile("\\b[A-Z]\\d{6}\\b");
    static final Pattern NUMBER = Pattern.compile("^#?\\d+$");

    /** Columns where a bare number is an id standing in for a name. */
    static final List<String> NAMED = List.of("campaign", "member", "recipient", "requester", "supporter", "who",
            "job");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManager entityManager;

    long campaign;

    long bill;

    long supporter;

    long story;

    @BeforeEach
    void dataInEveryTable() {
        ConsoleTestData data = new ConsoleTestData(jdbc, transaction, entityManager);
        CwcTestData cwc = new CwcTestData(jdbc);
        cwc.clean();
        data.insertLegislators();
        campaign = data.tsraCampaignId();
        bill = jdbc.queryForObject("select bill_id from campaign_bill where campaign_id = ? limit 1", Long.class,
                campaign);
        supporter = data.supporter("Grid Words " + UUID.randomUUID(), "AL", 4);
        data.action(supporter, campaign, ActionType.LETTER, ConsoleTestData.ADERHOLT, "AL", 4, Instant.now());
        data.action(supporter, campaign, ActionType.MEETING_REQUEST, ConsoleTestData.ADERHOLT, "AL", 4, Instant.now());
        data.meetingRequest(supporter, campaign, ConsoleTestData.ADERHOLT, "Grid Words");
        story = data.submittedStory(campaign, "Grid words story", "A story in words.", "G.");
        jdbc.update("insert into legislator_stance (bill_id, bioguide_id, stance) values (?, ?, 'COSPONSOR') "
                + "on conflict do nothing", bill, ConsoleTestData.ADERHOLT);
        jdbc.update("insert into roster_sync_run (started_at, finished_at, status, members_added, changes) values "
                + "(now(), now(), 'SUCCEEDED', 1, '{\"added\": [\"A000055\"], \"left\": [], \"changed\": {}}')");
        jdbc.update("insert into roster_sync_run (started_at, finished_at, status, message) values (now(), now(), "
                + "'FAILED', 'Cannot read https://unitedstates.github.io/congress-legislators/legislators-current.yaml: "
                + "java.net.ConnectException: Connection refused')");
        long reminder = jdbc.queryForObject("insert into reminder (subject, body_html, body_text, audience, status, "
                + "created_by, scheduled_at, last_error) values ('Grid words reminder', '<p>b</p>', 'b', 'ALL', 'FAILED', "
                + "'t', now(), 'org.springframework.mail.MailSendException: Mail server connection failed') returning id",
                Long.class);
        jdbc.update("insert into reminder_delivery (reminder_id, supporter_id, status, attempts, last_error) values "
                + "(?, ?, 'FAILED_PERMANENT', 1, '550 5.1.1 mailbox unavailable')", reminder, supporter);
        jdbc.update("insert into staff_user (email, display_name, password_hash, role, last_login_at) values "
                + "(?, 'Grid Words', 'x', 'ORGANIZER', now())", "grid-" + UUID.randomUUID() + "@example.org");
        jdbc.update("insert into audit_event (occurred_at, actor, action, entity_type, entity_id) values "
                + "(now(), 'grid@example.org', 'campaign.update', 'Campaign', ?)", String.valueOf(campaign));
        long cwcCampaign = cwc.campaign("grid-words");
        long cwcSupporter = cwc.supporter("grid-words");
        jdbc.update(
                "insert into cwc_delivery (id, delivery_id, idempotency_key, campaign_id, supporter_id, bioguide_id, "
                        + "member_office, zip, state, district, prefix, first_name, last_name, address1, city, email, subject, "
                        + "message, status, last_error) select n, 'GRID' || lpad(n::text, 28, '0'), 'grid-words', ?, ?, "
                        + "'B001318', 'HVT00', '05401', 'VT', 0, 'Ms.', 'Rosa', 'Alvarez', '12 Church Street', 'Burlington', "
                        + "'rosa@cwc.test', 'Subject', 'Letter', 'FAILED', 'the CWC service answered 503' "
                        + "from nextval(pg_get_serial_sequence('cwc_delivery', 'id')) n",
                cwcCampaign, cwcSupporter);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "", "reports/constituents", "campaigns", "campaigns/edit/{campaign}", "bills",
            "bills/edit/{bill}", "stances", "stories?id={story}", "supporters", "supporters/view/{supporter}",
            "meetings", "roster", "roster/history", "roster/member/A000055", "deliveries", "reminders",
            "reminders/compose", "staff", "audit", "settings" })
    void everyGridOnTheRouteShowsWordsNotMachineValues(String route) {
        String path = route.replace("{campaign}", String.valueOf(campaign))
            .replace("{bill}", String.valueOf(bill))
            .replace("{story}", String.valueOf(story))
            .replace("{supporter}", String.valueOf(supporter));
        int query = path.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(path);
        }
        else {
            UI.getCurrent().navigate(path.substring(0, query), QueryParameters.fromString(path.substring(query + 1)));
        }
        List<String> problems = new ArrayList<>();
        for (Grid<?> grid : grids()) {
            problems.addAll(machineValues(grid));
        }
        assertThat(problems).as("cells on /" + route + " that show machine values").isEmpty();
    }

    @Test
    void theStancesByMemberAndTheRosterShowTheSeedDataInWords() {
        UI.getCurrent().navigate("roster");
        assertThat(cells(grids().getFirst())).noneMatch(cell -> cell.matches(".*-0$"));
        // Other tests reorder the roster; find the member by name, as staff would.
        test($(TextField.class).withLabel("Name").single()).setValue("Aderholt");
        assertThat(cells(grids().getFirst())).contains("AL-4")
            .anyMatch(cell -> cell.matches("Robert (B\\. )?Aderholt"));
        UI.getCurrent().navigate("roster/history");
        assertThat(cells(grids().getFirst())).contains("Failed", "Succeeded")
            .anyMatch(cell -> cell.startsWith("The roster source could not be read. Nothing was changed."));
    }

    @Test
    void aFailedReminderListsItsRecipientsWithTheirStateInWords() {
        UI.getCurrent().navigate("reminders");
        Grid<?> reminders = grids().getFirst();
        GridTester<?, ?> tester = test(reminders);
        int actions = reminders.getColumns().size() - 1;
        Component cell = tester.getCellComponent(0, actions);
        Button recipients = cell.getChildren()
            .filter(Button.class::isInstance)
            .map(Button.class::cast)
            .filter(b -> b.getText().equals("Recipients"))
            .findFirst()
            .orElseThrow();
        test(recipients).click();
        Grid<?> list = $(Grid.class).all().stream().filter(g -> g != reminders).findFirst().orElseThrow();
        List<String> texts = cells(list);
        assertThat(texts).contains("Could not be delivered")
            .anyMatch(text -> text.matches("g….*@example\\.org") || text.matches(".…@example\\.org"))
            .anyMatch(text -> text.startsWith("The mail server refused this email."));
        assertThat(machineValues(list)).isEmpty();
    }

    private List<Grid<?>> grids() {
        List<Grid<?>> grids = new ArrayList<>();
        $(Grid.class).all().forEach(grids::add);
        return grids;
    }

    private List<String> cells(Grid<?> grid) {
        GridTester<?, ?> tester = test(grid);
        List<String> texts = new ArrayList<>();
        int rows = Math.min(tester.size(), 50);
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < grid.getColumns().size(); column++) {
                texts.add(text(tester, row, column));
            }
        }
        return texts;
    }

    private List<String> machineValues(Grid<?> grid) {
        GridTester<?, ?> tester = test(grid);
        List<String> problems = new ArrayList<>();
        int rows = Math.min(tester.size(), 50);
        for (int column = 0; column < grid.getColumns().size(); column++) {
            String header = String.valueOf(grid.getColumns().get(column).getHeaderText()).toLowerCase(Locale.ROOT);
            boolean named = NAMED.stream().anyMatch(header::contains);
            for (int row = 0; row < rows; row++) {
                String text = text(tester, row, column).strip();
                if (ISO.matcher(text).find() || ENUM.matcher(text).matches() || BIOGUIDE.matcher(text).find()
                        || (named && NUMBER.matcher(text).matches())) {
                    problems.add("\"" + header + "\": " + text);
                }
            }
        }
        return problems;
    }

    private static String text(GridTester<?, ?> tester, int row, int column) {
        try {
            return tester.getCellText(row, column);
        }
        catch (RuntimeException componentColumn) {
            Component component = tester.getCellComponent(row, column);
            return component.getElement().getTextRecursively();
        }
    }

}
