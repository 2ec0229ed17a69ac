package org.advocacy.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.advocacy.staff.StaffUserService;
import org.advocacy.staff.StaffUserService.InvalidStaffUserException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

/**
 * Dates follow the staff member's own time zone, which they set themselves and
 * administrators set for anyone.
 */
@SpringBootTest
class StaffTimeZoneTests extends SpringBrowserlessTest {

    static final String VIEWER = "zone-viewer@example.org";
    static final String OTHER = "zone-other@example.org";
    static final Instant NOON_UTC = Instant.parse("2026-07-01T12:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffUserService staff;

    @Autowired
    ConsoleFormat format;

    @BeforeEach
    void staffUsers() {
        for (String email : new String[] { VIEWER, OTHER }) {
            jdbc.update("delete from staff_user where email = ?", email);
            jdbc.update(
                    "insert into staff_user (email, display_name, password_hash, role) values (?, 'Zone', 'x', 'VIEWER')",
                    email);
        }
    }

    @Test
    @WithMockUser(username = VIEWER, roles = "VIEWER")
    void withoutAChoiceDatesAreInTheOrganisationsZone() {
        UI.getCurrent().navigate("settings");
        assertThat(format.zone().getId()).isEqualTo("America/New_York");
        assertThat(format.when(NOON_UTC)).isEqualTo("1 Jul 2026, 8:00 AM");
    }

    @Test
    @WithMockUser(username = VIEWER, roles = "VIEWER")
    void aViewerChoosesTheirZoneInMySettingsAndEveryDateFollows() {
        UI.getCurrent().navigate("settings");
        MySettingsView view = $(MySettingsView.class).single();
        test(view.zone).selectItem("Chicago time (America/Chicago)");
        test($(Button.class).withText("Save").single()).click();

        assertThat(jdbc.queryForObject("select time_zone from staff_user where email = ?", String.class, VIEWER))
            .isEqualTo("America/Chicago");
        assertThat(format.when(NOON_UTC)).isEqualTo("1 Jul 2026, 7:00 AM");
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_event where action = 'staff.change-time-zone' " + "and actor = ?",
                Integer.class, VIEWER))
            .isPositive();
    }

    @Test
    @WithMockUser(username = VIEWER, roles = "VIEWER")
    void aViewerCannotChangeSomeoneElsesZone() {
        long other = jdbc.queryForObject("select id from staff_user where email = ?", Long.class, OTHER);
        assertThatThrownBy(() -> staff.changeTimeZone(other, "Europe/Madrid"))
            .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select time_zone from staff_user where id = ?", String.class, other)).isNull();
    }

    @Test
    @WithMockUser(username = "zone-admin@example.org", roles = "ADMIN")
    void anAdministratorSetsAnyonesZoneAndAnUnknownZoneIsRefused() {
        long other = jdbc.queryForObject("select id from staff_user where email = ?", Long.class, OTHER);
        staff.changeTimeZone(other, "America/Denver");
        assertThat(jdbc.queryForObject("select time_zone from staff_user where id = ?", String.class, other))
            .isEqualTo("America/Denver");
        assertThatThrownBy(() -> staff.changeTimeZone(other, "Mars/Olympus_Mons"))
            .isInstanceOf(InvalidStaffUserException.class)
            .hasMessageContaining("Choose a time zone from the list");
        assertThat(jdbc.queryForObject("select time_zone from staff_user where id = ?", String.class, other))
            .isEqualTo("America/Denver");
    }

    @Test
    void seatsAndCountsReadAsWords() {
        assertThat(ConsoleFormat.seat("DE", 0)).isEqualTo("DE at large");
        assertThat(ConsoleFormat.seat("AL", 4)).isEqualTo("AL-4");
        assertThat(ConsoleFormat.seat("WA", null)).isEqualTo("WA");
        assertThat(ConsoleFormat.count(1, "supporter matches", "supporters match")).isEqualTo("1 supporter matches");
        assertThat(ConsoleFormat.count(1200, "supporter matches", "supporters match"))
            .isEqualTo("1,200 supporters match");
        assertThat(ConsoleFormat.readable("NOT_SUBSCRIBED")).isEqualTo("Not subscribed");
        assertThat(ConsoleFormat.readable("staff.sign-in")).isEqualTo("Staff: sign in");
        assertThat(ConsoleFormat.readable("ToolkitResource")).isEqualTo("Toolkit resource");
    }

}
