package org.advocacy.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.advocacy.staff.AuditEvent;
import org.advocacy.staff.Role;
import org.advocacy.staff.StaffUserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

/** Administrators read and filter the audit trail in the console. */
@SpringBootTest
@WithMockUser(username = "auditor@example.org", roles = "ADMIN")
class AuditLogViewTests extends SpringBrowserlessTest {

    @Autowired
    StaffUserService staff;

    @Test
    void anAdminFiltersTheAuditLogByActionAndSeesWhoChangedWhat() {
        String email = "audited-" + UUID.randomUUID() + "@example.org";
        long id = staff.create(email, "Audited", "correct horse battery staple", Role.VIEWER).getId();
        staff.changeRole(id, Role.ORGANIZER);
        UI.getCurrent().navigate("audit");

        test($(TextField.class).withLabel("Action starts with").single()).setValue("staff.change-role");

        @SuppressWarnings("unchecked")
        Grid<AuditEvent> grid = $(Grid.class).single();
        var rows = test(grid);
        assertThat(rows.size()).isPositive();
        assertThat(rows.getRow(0).getAction()).isEqualTo("staff.change-role");
        assertThat(rows.getRow(0).getActor()).isEqualTo("auditor@example.org");
        assertThat(rows.getRow(0).getEntityId()).isEqualTo(String.valueOf(id));
        assertThat(rows.getRow(0).getBeforeState()).contains("VIEWER");
        assertThat(rows.getRow(0).getAfterState()).contains("ORGANIZER");
        assertThat(rows.getCellText(0, 3)).as("the record by name, not StaffUser #id")
            .isEqualTo("Audited (" + email + ")");
    }

}
