package org.advocacy.staff;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocacy.bills.BillService;
import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillType;
import org.advocacy.bills.Stance;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTemplates;
import org.advocacy.campaigns.CampaignToolkit;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.campaigns.ToolkitKind;
import org.advocacy.stories.StoryModerationService;
import org.advocacy.supporters.MeetingRequestQueue;
import org.advocacy.supporters.MeetingStatus;
import org.advocacy.supporters.SupporterErasure;
import org.advocacy.supporters.SupporterExport;
import org.advocacy.supporters.SupporterSearch;
import org.advocacy.supporters.SupporterStatistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;

/** Role checks hold in the services themselves, whatever UI calls them. */
@SpringBootTest
class ServiceRoleMatrixIntegrationTests {

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignTemplates templateSets;

    @Autowired
    CampaignToolkit toolkit;

    @Autowired
    BillService bills;

    @Autowired
    StoryModerationService moderation;

    @Autowired
    SupporterSearch search;

    @Autowired
    SupporterExport export;

    @Autowired
    SupporterErasure erasure;

    @Autowired
    SupporterStatistics statistics;

    @Autowired
    MeetingRequestQueue meetings;

    @Autowired
    StaffUserService staff;

    @Autowired
    AuditLog audit;

    /**
     * Changes ORGANIZER and ADMIN may make; the ids point nowhere, so permitted calls
     * fail later, not on access.
     */
    Map<String, Runnable> organizerChanges() {
        Map<String, Runnable> changes = new LinkedHashMap<>();
        changes.put("campaign template",
                () -> templateSets.put(-1, BillStage.ENACTED, new TemplateSet("a", "b", "c", "d", "e")));
        changes.put("toolkit", () -> toolkit.add(-1, ToolkitKind.LINK, "t", "d", null, null));
        changes.put("bill status", () -> bills.recordStatus(-1, LocalDate.now(), null, "x", BillStage.ENACTED));
        changes.put("bill backers", () -> bills.changeBackers(-1, null, Set.of()));
        changes.put("bill create", () -> bills.create(119, BillType.HR, 1, ""));
        changes.put("stance", () -> bills.setStance(-1, "A000055", Stance.SUPPORTER));
        changes.put("story publish", () -> moderation.publish(-1));
        changes.put("story redact", () -> moderation.redact(-1, "name"));
        changes.put("story remove", () -> moderation.remove(-1));
        changes.put("supporter csv", () -> export.exportCsv(SupporterSearch.Filter.NONE, new StringWriter()));
        changes.put("supporter export", () -> export.exportOne(-1));
        changes.put("supporter erase", () -> erasure.erase(-1));
        changes.put("meeting follow-up", () -> meetings.followUp(-1, MeetingStatus.HELD, null, null, null));
        return changes;
    }

    Map<String, Runnable> adminOnly() {
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("staff list", () -> staff.list());
        calls.put("staff create", () -> staff.create("x@example.org", "X", "x", Role.VIEWER));
        calls.put("staff role", () -> staff.changeRole(-1, Role.ADMIN));
        calls.put("staff disable", () -> staff.setEnabled(-1, false));
        calls.put("staff reset", () -> staff.resetPassword(-1, "x"));
        calls.put("audit search", () -> audit.search(null, null, Pageable.ofSize(1)));
        return calls;
    }

    Map<String, Runnable> staffReads() {
        Map<String, Runnable> reads = new LinkedHashMap<>();
        reads.put("stories", () -> moderation.queue(null, 0, 1));
        reads.put("supporters", () -> search.count(SupporterSearch.Filter.NONE));
        reads.put("meetings", () -> meetings.count(null));
        reads.put("stances", () -> bills.stances(-1));
        reads.put("dashboard", () -> statistics.signupFigures());
        return reads;
    }

    @Test
    void anonymousCallersAreRefusedEverything() {
        List.of(organizerChanges(), adminOnly(), staffReads())
            .forEach(calls -> calls.forEach((name, call) -> assertThatThrownBy(call::run).as(name)
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class)));
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aViewerMayReadButChangeAndExportNothing() {
        staffReads().forEach((name, call) -> assertThatCode(call::run).as(name).doesNotThrowAnyException());
        organizerChanges()
            .forEach((name, call) -> assertThatThrownBy(call::run).as(name).isInstanceOf(AccessDeniedException.class));
        adminOnly()
            .forEach((name, call) -> assertThatThrownBy(call::run).as(name).isInstanceOf(AccessDeniedException.class));
    }

    @Test
    @WithMockUser(roles = "ORGANIZER")
    void anOrganizerMayChangeContentButNotStaffOrTheAuditLog() {
        organizerChanges().forEach((name, call) -> passesTheRoleCheck(name, call));
        adminOnly()
            .forEach((name, call) -> assertThatThrownBy(call::run).as(name).isInstanceOf(AccessDeniedException.class));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdminMayDoEverything() {
        organizerChanges().forEach((name, call) -> passesTheRoleCheck(name, call));
        adminOnly().forEach((name, call) -> passesTheRoleCheck(name, call));
    }

    private static void passesTheRoleCheck(String name, Runnable call) {
        try {
            call.run();
        }
        catch (AccessDeniedException | AuthenticationCredentialsNotFoundException denied) {
            throw new AssertionError(name + " was refused: " + denied);
        }
        catch (RuntimeException expected) {
            // Past the role check, the call fails on the missing record or invalid input:
            // nothing is written.
        }
    }

}
