package org.advocacy.admin.stories.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.advocacy.stories.Story;
import org.advocacy.testsupport.ConsoleTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;

/**
 * The story list and the open story agree: a story approved from "Waiting for review"
 * stays in view, selected.
 */
@SpringBootTest
@WithMockUser(username = "organizer@example.org", roles = "ORGANIZER")
class StoryModerationListTests extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManager entityManager;

    @Test
    @SuppressWarnings("unchecked")
    void anApprovedStoryStaysSelectedInTheListWhileItsDetailIsOpen() {
        ConsoleTestData data = new ConsoleTestData(jdbc, transaction, entityManager);
        long story = data.submittedStory(data.testCampaignId(), "Still in the list", "A story.", "S.");
        UI.getCurrent().navigate("stories", QueryParameters.simple(Map.of("id", String.valueOf(story))));

        test($(Button.class).withText("Approve").single()).click();

        Select<String> status = $(Select.class).withLabel("Show").single();
        assertThat(status.getValue()).isEqualTo("APPROVED");
        Grid<Story> queue = $(Grid.class).first();
        assertThat(queue.asSingleSelect().getValue()).isNotNull().extracting(Story::getId).isEqualTo(story);
        assertThat($(H2.class).all()).anySatisfy(h -> assertThat(h.getText()).isEqualTo("Still in the list"));
        var rows = test(queue);
        List<Long> ids = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            ids.add(rows.getRow(row).getId());
        }
        assertThat(ids).contains(story);
    }

}
