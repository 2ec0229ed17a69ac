package org.advocacy.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "admin@example.org", roles = "ADMIN")
class StaffUserServiceIntegrationTests {

    @Autowired
    StaffUserService staff;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void creatingChangingAndDisablingAStaffUserIsAuditedWithBeforeAndAfter() {
        String email = "organizer-" + UUID.randomUUID() + "@example.org";
        StaffUser user = staff.create(email, "Organizer", "correct horse battery staple", Role.VIEWER);

        staff.changeRole(user.getId(), Role.ORGANIZER);
        staff.setEnabled(user.getId(), false);
        staff.resetPassword(user.getId(), "another long passphrase 42");

        assertThat(jdbc.queryForObject("select password_hash from staff_user where id = ?", String.class, user.getId()))
            .startsWith("{bcrypt}")
            .doesNotContain("another");
        var entries = audit
            .search("admin@example.org", "StaffUser", null, null, null, PageRequest.of(0, 50, Sort.by("id")))
            .getContent()
            .stream()
            .filter(e -> user.getId().toString().equals(e.getEntityId()))
            .toList();
        assertThat(entries).extracting(AuditEvent::getAction)
            .containsExactly("staff.create", "staff.change-role", "staff.disable", "staff.reset-password");
        assertThat(entries.get(1).getBeforeState()).contains("\"role\": \"VIEWER\"");
        assertThat(entries.get(1).getAfterState()).contains("\"role\": \"ORGANIZER\"");
        assertThat(entries.get(2).getAfterState()).contains("\"enabled\": false");
        assertThat(entries).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("admin@example.org"))
            .noneSatisfy(e -> assertThat(String.valueOf(e.getAfterState())).contains("passphrase"));
        assertThat(audit.search(null, null, "staff.change", null, null, PageRequest.of(0, 500)).getContent())
            .allSatisfy(e -> assertThat(e.getAction()).startsWith("staff.change"));
    }

    @Test
    void anAdministratorCannotDisableOrDemoteThemselves() {
        String email = "self-" + UUID.randomUUID() + "@example.org";
        StaffUser self = staff.create(email, "Self", "correct horse battery staple", Role.ADMIN);
        SecurityContextHolder.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken(email, null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));

        assertThatThrownBy(() -> staff.setEnabled(self.getId(), false))
            .hasMessage("You cannot disable your own account.");
        assertThatThrownBy(() -> staff.changeRole(self.getId(), Role.VIEWER))
            .hasMessageContaining("own administrator role");
        assertThat(staff.find(self.getId()).orElseThrow()).satisfies(u -> {
            assertThat(u.isEnabled()).isTrue();
            assertThat(u.getRole()).isEqualTo(Role.ADMIN);
        });
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        String email = "weak-" + UUID.randomUUID() + "@example.org";
        assertThatThrownBy(() -> staff.create(email, "Weak", "short", Role.VIEWER))
            .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> staff.create(email, "Weak", "password1234", Role.VIEWER))
            .hasMessageContaining("commonly used");
        assertThatThrownBy(
                () -> staff.create(email, "Weak", email.substring(0, email.indexOf('@')) + "xyz", Role.VIEWER))
            .hasMessageContaining("email address");
        assertThat(jdbc.queryForObject("select count(*) from staff_user where email = ?", Integer.class, email))
            .isZero();
    }

}
