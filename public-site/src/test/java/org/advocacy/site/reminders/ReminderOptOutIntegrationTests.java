package org.advocacy.site.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.advocacy.testsupport.ReminderTestData;
import org.advocacy.testsupport.ReminderTestData.Consent;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ReminderOptOutIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    ReminderTestData data;

    long supporter;

    String token;

    @BeforeEach
    void setUp() {
        data = new ReminderTestData(jdbc);
        data.clean();
        supporter = data.supporter("optout-page", "Pat", "VT", 0, Consent.CONFIRMED);
        token = data.unsubscribeToken(supporter);
    }

    private int optOuts() {
        return jdbc.queryForObject("select count(*) from reminder_opt_out where supporter_id = ?", Integer.class,
                supporter);
    }

    @Test
    void followingTheLinkOnlyAsksAndTheFormRecordsTheOptOutForThatKindOnly() throws Exception {
        mvc.perform(get("/reminders/opt-out/meeting-prep/" + token))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("Stop meeting preparation emails")))
            .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
        assertThat(optOuts()).isZero();

        mvc.perform(post("/reminders/opt-out/meeting-prep/" + token).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/reminders/opted-out/meeting-prep"));

        assertThat(
                jdbc.queryForList("select kind from reminder_opt_out where supporter_id = ?", String.class, supporter))
            .containsExactly("MEETING_PREP");
        assertThat(jdbc.queryForObject("select email_consent from supporter where id = ?", Boolean.class, supporter))
            .isTrue();
        mvc.perform(get("/reminders/opted-out/meeting-prep"))
            .andExpect(content().string(Matchers.containsString("You will not get meeting preparation emails again.")));
    }

}
