package org.advocacy.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;

import org.advocacy.testsupport.ConsoleTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class StoryModerationIntegrationTests {

    @Autowired
    StoryModerationService moderation;

    @Autowired
    StoryService stories;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManager entityManager;

    ConsoleTestData data;

    long campaignId;

    @BeforeEach
    void setUp() {
        data = new ConsoleTestData(jdbc, transaction, entityManager);
        campaignId = data.testCampaignId();
    }

    @Test
    void aRedactedApprovedStoryIsPublishedAndCanBeUnpublished() {
        long id = data.submittedStory(campaignId, "My time in Tulsa",
                "In Tulsa, case 4:19-cr-0042 followed me. " + "Tulsa is far behind me now.", "Jo from Tulsa");

        assertThat(moderation.redact(id, "tulsa")).isEqualTo(4);
        assertThat(moderation.redact(id, "4:19-cr-0042")).isEqualTo(1);
        moderation.approve(id);
        moderation.publish(id);

        Story published = stories.findPublished(id).orElseThrow();
        assertThat(published.getTitle()).isEqualTo("My time in [redacted]");
        assertThat(published.getBody()).doesNotContainIgnoringCase("tulsa").doesNotContain("4:19-cr-0042");
        assertThat(published.getDisplayName()).isEqualTo("Jo from [redacted]");

        moderation.unpublish(id);
        assertThat(stories.findPublished(id)).isEmpty();
        assertThat(jdbc.queryForList(
                "select action from audit_event where entity_type = 'Story' and entity_id = ? " + "order by id",
                String.class, String.valueOf(id)))
            .containsExactly("story.redact", "story.redact", "story.approve", "story.publish", "story.unpublish");
    }

    @Test
    void aWithdrawnStoryShowsAsWithdrawnAndCannotBeRepublished() {
        long id = data.submittedStory(campaignId, "Withdrawn", "Body text here.", "Sam");
        moderation.publish(id);
        data.withdrawStory(id);

        assertThat(moderation.find(id).orElseThrow().getStatus()).isEqualTo(StoryStatus.WITHDRAWN);
        assertThatThrownBy(() -> moderation.publish(id)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> moderation.edit(id, "New", "New body", Attribution.ANONYMOUS, null, null))
            .isInstanceOf(IllegalStateException.class);
        assertThat(stories.findPublished(id)).isEmpty();
    }

    @Test
    void removingAStoryWipesItsTextButKeepsItsWholeConsentHistory() {
        long id = data.submittedStory(campaignId, "To remove", "Sensitive words.", "Kim");
        data.withdrawStory(id);
        Integer consentsBefore = jdbc.queryForObject("select count(*) from story_consent where story_id = ?",
                Integer.class, id);

        moderation.remove(id);

        assertThat(jdbc.queryForMap("select title, body, display_name from story where id = ?", id))
            .containsEntry("body", "")
            .containsEntry("display_name", null);
        assertThat(jdbc.queryForObject(
                "select count(*) from story_consent where story_id = ? and withdrawn_at is not null", Integer.class,
                id))
            .isEqualTo(consentsBefore)
            .isEqualTo(1);
        assertThat(moderation.find(id).orElseThrow().getConsentHistory()).singleElement()
            .satisfies(c -> assertThat(c.isPublishOnSite()).isTrue());
        assertThatThrownBy(() -> moderation.publish(id)).isInstanceOf(IllegalStateException.class);
    }

}
