package org.advocacy.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-ins, failed sign-ins and sign-outs reach the audit log, and entries name their
 * records.
 */
@SpringBootTest
@WithMockUser(username = "auditor@example.org", roles = "ADMIN")
class AuditTrailIntegrationTests {

    @Autowired
    StaffUserService staff;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void signInsFailedSignInsAndSignOutsAreAuditedUnderTheStaffMember() {
        String email = "signing-" + UUID.randomUUID() + "@example.org";
        StaffUser user = staff.create(email, "Signing In", "correct horse battery staple", Role.VIEWER);
        var token = UsernamePasswordAuthenticationToken.authenticated(email, null,
                AuthorityUtils.createAuthorityList("ROLE_VIEWER"));

        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(email, "wrong"),
                new BadCredentialsException("bad")));
        events.publishEvent(new AuthenticationSuccessEvent(token));
        events.publishEvent(new LogoutSuccessEvent(token));

        List<AuditEvent> entries = audit
            .search(email, "StaffUser", "staff.sign", null, null, PageRequest.of(0, 10, Sort.by("id")))
            .getContent();
        assertThat(entries).extracting(AuditEvent::getAction)
            .containsExactly("staff.sign-in-failed", "staff.sign-in", "staff.sign-out");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getActor()).isEqualTo(email);
            assertThat(e.getEntityId()).isEqualTo(user.getId().toString());
        });
        assertThat(audit.recordNames(entries).values()).containsOnly("Signing In (" + email + ")");
    }

    @Test
    void aFailedSignInForAnUnknownAccountKeepsNothingOfWhatWasTyped() {
        String typed = "maybe-a-password-" + UUID.randomUUID();

        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(typed, "x"), new BadCredentialsException("bad")));

        assertThat(jdbc.queryForObject(
                "select count(*) from audit_event where actor like ? or entity_id like ?"
                        + " or before_state::text like ? or after_state::text like ?",
                Long.class, "%" + typed + "%", "%" + typed + "%", "%" + typed + "%", "%" + typed + "%"))
            .isZero();
        assertThat(audit.search("unknown account", null, "staff.sign-in-failed", null, null, PageRequest.of(0, 1))
            .getContent()).isNotEmpty();
    }

    @Test
    void recordsAreNamedAndARemovedOneByItsLastTitleButNeverAnErasedPerson() {
        String title = "Named campaign " + UUID.randomUUID();
        long campaign = jdbc.queryForObject(
                "insert into campaign (slug, title, explainer) values (?, ?, '') returning id", Long.class,
                "named-" + UUID.randomUUID(), title);
        transactions.executeWithoutResult(status -> {
            audit.record("campaign.update", "Campaign", campaign, Map.of("title", "old"), Map.of("title", title));
            audit.record("toolkit.delete", "ToolkitResource", 987_654_321L, Map.of("title", "Old flyer"), null);
            audit.record("supporter.erase", "Supporter", 987_654_321L, Map.of("name", "Ana Lopez"), null);
            audit.record("job.start", "Job", "bill-status-sync", null, null);
        });

        List<AuditEvent> latest = audit
            .search("auditor@example.org", null, null, null, null,
                    PageRequest.of(0, 4, Sort.by(Sort.Direction.DESC, "id")))
            .getContent();
        Map<Long, String> names = audit.recordNames(latest);

        assertThat(latest).extracting(e -> names.get(e.getId()))
            .containsExactly("Bill status sync", "Supporter (no longer exists)", "Old flyer", title);
    }

}
