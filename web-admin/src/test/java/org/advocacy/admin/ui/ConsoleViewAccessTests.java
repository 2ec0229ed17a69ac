package org.advocacy.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.advocacy.testsupport.ConsoleTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;

/**
 * Every console view, for every role and for anonymous users: who may open it, and who
 * gets the controls that change things. VIEWERs read; they never see a save, create,
 * erase or export control.
 */
@SpringBootTest
class ConsoleViewAccessTests extends SpringBrowserlessTest {

    static final String LOGIN = "org.advocacy.admin.security.ui.LoginView";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManager entityManager;

    /** Route -> view class, for the views every staff role may open. */
    Map<String, String> staffViews;

    /** Route -> the text of a control that changes something on that view. */
    Map<String, String> changeControls;

    @BeforeEach
    void routes() {
        ConsoleTestData data = new ConsoleTestData(jdbc, transaction, entityManager);
        data.insertLegislators();
        long campaign = data.tsraCampaignId();
        Long bill = jdbc.queryForObject("select bill_id from campaign_bill where campaign_id = ? limit 1", Long.class,
                campaign);
        long supporter = data.supporter("Access test", "AL", 4);
        staffViews = new LinkedHashMap<>();
        staffViews.put("", "org.advocacy.admin.dashboard.ui.DashboardView");
        staffViews.put("reports/constituents", "org.advocacy.admin.dashboard.ui.ConstituentReportView");
        staffViews.put("campaigns", "org.advocacy.admin.campaigns.ui.CampaignsView");
        staffViews.put("campaigns/edit/" + campaign, "org.advocacy.admin.campaigns.ui.CampaignEditorView");
        staffViews.put("bills", "org.advocacy.admin.bills.ui.BillsView");
        staffViews.put("bills/edit/" + bill, "org.advocacy.admin.bills.ui.BillEditorView");
        staffViews.put("stances", "org.advocacy.admin.bills.ui.StancesView");
        staffViews.put("stories", "org.advocacy.admin.stories.ui.StoryModerationView");
        staffViews.put("supporters", "org.advocacy.admin.supporters.ui.SupportersView");
        staffViews.put("supporters/view/" + supporter, "org.advocacy.admin.supporters.ui.SupporterView");
        staffViews.put("meetings", "org.advocacy.admin.supporters.ui.MeetingRequestsView");
        staffViews.put("roster", "org.advocacy.admin.roster.ui.RosterView");
        staffViews.put("roster/history", "org.advocacy.admin.roster.ui.RosterSyncHistoryView");
        staffViews.put("roster/member/A000055", "org.advocacy.admin.roster.ui.LegislatorView");
        staffViews.put("deliveries", "org.advocacy.admin.deliveries.ui.DeliveriesView");
        changeControls = new LinkedHashMap<>();
        changeControls.put("campaigns", "New campaign");
        changeControls.put("campaigns/edit/" + campaign, "Save campaign");
        changeControls.put("bills", "New bill");
        changeControls.put("bills/edit/" + bill, "Save details");
        changeControls.put("supporters", "Export these supporters as CSV");
        changeControls.put("supporters/view/" + supporter, "Erase this supporter");
    }

    /** Reminders send email to supporters: administrators and organizers only. */
    static final Map<String, String> ORGANIZER_VIEWS = Map.of("reminders",
            "org.advocacy.admin.reminders.ui.ReminderListView", "reminders/compose",
            "org.advocacy.admin.reminders.ui.ReminderComposerView");

    /**
     * Starting jobs is for administrators. The view needs the batch module's job runner,
     * which this module's tests do not have, so only its refusals are checked here; the
     * app module's browser test opens it as an administrator.
     */
    static final String JOBS = "jobs";

    static final Map<String, String> ADMIN_VIEWS = Map.of("staff", "org.advocacy.admin.staff.ui.StaffUsersView",
            "audit", "org.advocacy.admin.staff.ui.AuditLogView");

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdminOpensEveryViewAndGetsEveryControl() {
        staffViews.forEach((route, view) -> assertThat(open(route)).as(route).isEqualTo(view));
        ADMIN_VIEWS.forEach((route, view) -> assertThat(open(route)).as(route).isEqualTo(view));
        ORGANIZER_VIEWS.forEach((route, view) -> assertThat(open(route)).as(route).isEqualTo(view));
        open("reminders");
        assertThat(visibleControls()).contains("New reminder");
        changeControls.forEach((route, control) -> {
            open(route);
            assertThat(visibleControls()).as(route).contains(control);
        });
    }

    @Test
    @WithMockUser(roles = "ORGANIZER")
    void anOrganizerOpensEveryContentViewWithItsControlsButNotStaffOrAudit() {
        staffViews.forEach((route, view) -> assertThat(open(route)).as(route).isEqualTo(view));
        ADMIN_VIEWS.forEach((route, view) -> assertThat(open(route)).as(route).isNotEqualTo(view));
        ORGANIZER_VIEWS.forEach((route, view) -> assertThat(open(route)).as(route).isEqualTo(view));
        assertThat(open(JOBS)).isNotEqualTo("org.advocacy.admin.jobs.ui.JobsView");
        open("reminders");
        assertThat(visibleControls()).contains("New reminder");
        changeControls.forEach((route, control) -> {
            open(route);
            assertThat(visibleControls()).as(route).contains(control);
        });
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aViewerReadsEveryContentViewButChangesAndExportsNothing() {
        staffViews.forEach((route, view) -> assertThat(open(route)).as(route).isEqualTo(view));
        ADMIN_VIEWS.forEach((route, view) -> assertThat(open(route)).as(route).isNotEqualTo(view));
        ORGANIZER_VIEWS.forEach((route, view) -> assertThat(open(route)).as(route).isNotEqualTo(view));
        assertThat(open(JOBS)).isNotEqualTo("org.advocacy.admin.jobs.ui.JobsView");
        changeControls.forEach((route, control) -> {
            open(route);
            assertThat(visibleControls()).as(route).doesNotContain(control);
        });
        open("supporters/view/" + staffViews.keySet()
            .stream()
            .filter(r -> r.startsWith("supporters/view/"))
            .findFirst()
            .orElseThrow()
            .substring("supporters/view/".length()));
        assertThat(visibleControls()).doesNotContain("Export everything we hold (JSON)");
    }

    @Test
    @WithAnonymousUser
    void anonymousVisitorsAreSentToTheLoginViewFromEveryView() {
        staffViews.keySet().forEach(route -> assertThat(open(route)).as(route).isEqualTo(LOGIN));
        ADMIN_VIEWS.keySet().forEach(route -> assertThat(open(route)).as(route).isEqualTo(LOGIN));
        ORGANIZER_VIEWS.keySet().forEach(route -> assertThat(open(route)).as(route).isEqualTo(LOGIN));
        assertThat(open(JOBS)).isEqualTo(LOGIN);
    }

    private String open(String route) {
        UI.getCurrent().navigate(route);
        String name = getCurrentView().getClass().getName();
        int proxy = name.indexOf("$$");
        return proxy < 0 ? name : name.substring(0, proxy);
    }

    private List<String> visibleControls() {
        List<String> controls = new ArrayList<>();
        $(Button.class).all()
            .stream()
            .filter(ConsoleViewAccessTests::shown)
            .map(Button::getText)
            .forEach(controls::add);
        $(Anchor.class).all()
            .stream()
            .filter(ConsoleViewAccessTests::shown)
            .map(Anchor::getText)
            .forEach(controls::add);
        return controls;
    }

    private static boolean shown(Component component) {
        for (Component c = component; c != null; c = c.getParent().orElse(null)) {
            if (!c.isVisible()) {
                return false;
            }
        }
        return true;
    }

}
