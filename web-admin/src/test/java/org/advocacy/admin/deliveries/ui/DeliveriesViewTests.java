package org.advocacy.admin.deliveries.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.advocacy.cwc.CwcDeliveries;
import org.advocacy.testsupport.cwc.CwcTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;

/**
 * The Deliveries view, driven server-side against real rows: counts, the CWC errors in
 * plain words with their full text behind Details, and the audited fixes.
 */
@SpringBootTest
@WithMockUser(username = "organizer@advocacy.test", roles = "ORGANIZER")
class DeliveriesViewTests extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CwcDeliveries deliveries;

    long rejected;

    long gaveUp;

    long inDoubt;

    @BeforeEach
    void setUp() {
        CwcTestData data = new CwcTestData(jdbc);
        data.clean();
        jdbc.update("delete from audit_event where action like 'cwc.%'");
        long campaign = data.campaign("cwc-console");
        long supporter = data.supporter("console");
        delivered(data, campaign, supporter, "d1");
        delivered(data, campaign, supporter, "d2");
        rejected = row(data, campaign, supporter, "r", "B001318", "HVT00",
                "status = 'FAILED', retryable = false, last_error = 'Line 1: Value ''Mx.'' is not valid for Prefix', "
                        + "erased_at = now(), address1 = null, address2 = null, city = null, email = null, "
                        + "first_name = null, last_name = null, prefix = null, message = null");
        gaveUp = row(data, campaign, supporter, "g", "S000033", "SVT01",
                "status = 'FAILED', retryable = true, attempts = 8, last_error = 'Gave up after 8 tries: the CWC service answered 503'");
        inDoubt = row(data, campaign, supporter, "i", "B001318", "HVT00",
                "status = 'IN_DOUBT', last_error = 'In doubt, not sent again: the connection broke', erased_at = now(), "
                        + "address1 = null, address2 = null, city = null, email = null, first_name = null, "
                        + "last_name = null, prefix = null, message = null");
    }

    private void delivered(CwcTestData data, long campaign, long supporter, String key) {
        row(data, campaign, supporter, key, "B001318", "HVT00",
                "status = 'DELIVERED', erased_at = now(), address1 = null, "
                        + "address2 = null, city = null, email = null, first_name = null, last_name = null, prefix = null, message = null");
    }

    private long row(CwcTestData data, long campaign, long supporter, String key, String bioguide, String office,
            String set) {
        jdbc.update(
                "insert into cwc_delivery (id, delivery_id, idempotency_key, campaign_id, supporter_id, bioguide_id, "
                        + "member_office, zip, state, district, prefix, first_name, last_name, address1, city, email, subject, "
                        + "message) select n, 'TEST' || lpad(n::text, 28, '0'), ?, ?, ?, ?, ?, '05401', 'VT', 0, 'Ms.', 'Rosa', "
                        + "'Alvarez', '12 Church Street', 'Burlington', 'rosa@cwc.test', 'Subject', 'Letter' "
                        + "from nextval(pg_get_serial_sequence('cwc_delivery', 'id')) n",
                "cwc-test:" + key, campaign, supporter, bioguide, office);
        long id = jdbc.queryForObject("select id from cwc_delivery where idempotency_key = ?", Long.class,
                "cwc-test:" + key);
        jdbc.update("update cwc_delivery set " + set + " where id = ?", id);
        return id;
    }

    @SuppressWarnings("unchecked")
    private Grid<CwcDeliveries.Problem> problems() {
        return find(Grid.class).all().stream().filter(g -> g.getColumns().size() == 7).findFirst().orElseThrow();
    }

    /**
     * The buttons in a problem row's last cell (rows are newest first: in doubt, gave up,
     * refused).
     */
    private List<Button> buttons(int row) {
        return test(problems()).getCellComponent(row, 6)
            .getChildren()
            .filter(Button.class::isInstance)
            .map(Button.class::cast)
            .toList();
    }

    private Button button(int row, String text) {
        return buttons(row).stream().filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void countsByCampaignAndOfficeAndEachFailureInTheServicesWords() {
        navigate(DeliveriesView.class);

        assertThat(deliveries.byCampaign()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("Campaign cwc-console");
            assertThat(c.delivered()).isEqualTo(2);
            assertThat(c.failed()).isEqualTo(2);
            assertThat(c.inDoubt()).isOne();
        });
        assertThat(deliveries.byOffice("cwc-console")).extracting(CwcDeliveries.Counts::label)
            .containsExactly("Rep. Becca Balint", "Sen. Bernard Sanders");
        Grid<CwcDeliveries.Problem> grid = problems();
        assertThat(test(grid).size()).isEqualTo(3);
        // Rows are newest first: in doubt, gave up, refused; each in plain words with
        // what to do.
        assertThat(plainWords(0)).isEqualTo("The connection to the House system broke after the letter left, so "
                + "the office may already have it. It is not sent again by itself: ask the office of Rep. Becca Balint "
                + "whether it arrived, then mark it as delivered by hand.");
        assertThat(plainWords(1)).isEqualTo("Could not reach the Senate system after 8 tries. Use Send again to try "
                + "once more, or wait and try later.");
        assertThat(plainWords(2)).isEqualTo("The office's system refused this letter: Line 1: Value 'Mx.' is not valid "
                + "for Prefix. Correct the campaign (text or topics) or ask the supporter to send it again with "
                + "corrected details; this letter is not sent again.");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("In doubt");
    }

    @Test
    void detailsShowWhatTheCwcServiceSaidInFull() {
        jdbc.update("update cwc_delivery set last_error = ? where id = ?",
                "Line 1: Value 'Mx.' is not valid for Prefix\nLine 7: Topic 'Human Rights' is not in the list",
                rejected);
        navigate(DeliveriesView.class);

        assertThat(plainWords(2)).contains("refused this letter: Line 1: Value 'Mx.' is not valid for Prefix.")
            .doesNotContain("Line 7");
        whatWentWrong(2).stream()
            .filter(c -> c instanceof Button b && b.getText().equals("Details"))
            .map(Button.class::cast)
            .findFirst()
            .orElseThrow()
            .click();

        Dialog dialog = find(Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("What the House system said");
        assertThat(find(Pre.class).from(dialog).single().getText())
            .isEqualTo("Line 1: Value 'Mx.' is not valid for Prefix\nLine 7: Topic 'Human Rights' is not in the list");
    }

    private List<Component> whatWentWrong(int row) {
        return test(problems()).getCellComponent(row, 4).getChildren().toList();
    }

    private String plainWords(int row) {
        return whatWentWrong(row).stream()
            .filter(Span.class::isInstance)
            .map(c -> ((Span) c).getText())
            .findFirst()
            .orElseThrow();
    }

    @Test
    void theDashboardFiguresSetDeliveredAgainstPreparedLetters() {
        long campaign = jdbc.queryForObject("select id from campaign where slug = 'cwc-console'", Long.class);
        long preparedBefore = deliveries.letterFigures("W000800", null, null).prepared();
        jdbc.update(
                "insert into supporter_action (campaign_id, action_type, bioguide_id, delivery_method, idempotency_key) "
                        + "values (?, 'LETTER', 'W000800', 'MAILTO', 'cwc-test:prepared')",
                campaign);

        CwcDeliveries.LetterFigures welch = deliveries.letterFigures("W000800", null, null);
        CwcDeliveries.LetterFigures balint = deliveries.letterFigures("B001318", null, null);

        assertThat(welch.prepared()).as("other tests' letters share the database").isEqualTo(preparedBefore + 1);
        assertThat(welch.delivered()).isZero();
        assertThat(balint.delivered()).isEqualTo(2);
        assertThat(balint.notDelivered()).isEqualTo(2);
        assertThat(deliveries.letterFigures(null, null, null).delivered()).isEqualTo(2);
    }

    @Test
    void aTemporaryFailureCanBeSentAgainAndItIsAudited() {
        navigate(DeliveriesView.class);

        assertThat(buttons(2)).as("a refusal is not retried").isEmpty();
        button(1, "Send again").click();

        assertThat(jdbc.queryForObject("select status from cwc_delivery where id = ?", String.class, gaveUp))
            .isEqualTo("PENDING");
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_event where action = 'cwc.delivery.retried' "
                        + "and actor = 'organizer@advocacy.test' and entity_id = ?",
                Integer.class, Long.toString(gaveUp)))
            .isOne();
        assertThatThrownBy(() -> deliveries.retry(rejected)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInDoubtLetterIsMarkedDeliveredByHandOnlyAfterConfirmingAndItIsAudited() {
        navigate(DeliveriesView.class);

        button(0, "Mark as delivered by hand").click();
        assertThat(jdbc.queryForObject("select status from cwc_delivery where id = ?", String.class, inDoubt))
            .isEqualTo("IN_DOUBT");
        test(find(ConfirmDialog.class).single()).confirm();

        assertThat(jdbc.queryForMap("select status, handled_by from cwc_delivery where id = ?", inDoubt))
            .containsEntry("status", "DELIVERED")
            .containsEntry("handled_by", "organizer@advocacy.test");
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_event where action = 'cwc.delivery.marked-delivered'", Integer.class))
            .isOne();
    }

    @Test
    void topicsAreChosenPerCampaignFromTheFixedList() {
        deliveries.chooseTopics("cwc-console", List.of("Health", "Families"));
        assertThat(deliveries.topics("cwc-console")).containsExactly("Families", "Health");
        assertThatThrownBy(() -> deliveries.chooseTopics("cwc-console", List.of("Human Rights")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(deliveries.topics("cwc-console")).containsExactly("Families", "Health");
    }

    @Test
    @WithMockUser(username = "viewer@advocacy.test", roles = "VIEWER")
    void aViewerSeesTheFiguresButCannotChangeAnything() {
        navigate(DeliveriesView.class);

        assertThat(test(problems()).size()).isEqualTo(3);
        assertThat(buttons(0)).isEmpty();
        assertThat(buttons(1)).isEmpty();
        assertThatThrownBy(() -> deliveries.retry(gaveUp)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deliveries.markDeliveredByHand(inDoubt)).isInstanceOf(AccessDeniedException.class);
    }

}
