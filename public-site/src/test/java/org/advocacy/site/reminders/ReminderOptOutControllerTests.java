package org.advocacy.site.reminders;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.advocacy.reminders.AutomaticKind;
import org.advocacy.reminders.AutomaticReminders;
import org.advocacy.site.SiteWebMvcTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The opt-out link of an automatic reminder: the GET only asks (mail scanners follow
 * links), the POST with its CSRF token opts out of that one kind and redirects, in the
 * supporter's language; anything else is not found or refused. The stored opt-out is
 * checked by {@link ReminderOptOutIntegrationTests}.
 */
@SiteWebMvcTest(ReminderOptOutController.class)
class ReminderOptOutControllerTests {

    static final String TOKEN = "unsubscribe-token-of-pat";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AutomaticReminders automatic;

    @BeforeEach
    void knownToken() {
        given(automatic.tokenExists(TOKEN)).willReturn(true);
    }

    @Test
    void followingTheLinkOnlyAsksAndThePostOptsOutOfThatKindThenRedirects() throws Exception {
        mvc.perform(get("/reminders/opt-out/meeting-prep/" + TOKEN))
            .andExpect(status().isOk())
            .andExpect(view().name("reminders/opt-out"))
            .andExpect(model().attribute("kind", "meeting-prep"))
            .andExpect(content().string(containsString("Stop meeting preparation emails")))
            .andExpect(content().string(containsString("name=\"_csrf\"")));
        verify(automatic, never()).optOut(anyString(), any());

        given(automatic.optOut(TOKEN, AutomaticKind.MEETING_PREP)).willReturn(true);
        mvc.perform(post("/reminders/opt-out/meeting-prep/" + TOKEN).with(csrf()))
            .andExpect(redirectedUrl("/reminders/opted-out/meeting-prep"));
        verify(automatic).optOut(TOKEN, AutomaticKind.MEETING_PREP);

        mvc.perform(get("/reminders/opted-out/meeting-prep"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("You will not get meeting preparation emails again.")));
    }

    @Test
    void thePageIsInSpanishWhenAskedFor() throws Exception {
        mvc.perform(get("/reminders/opt-out/action-nudge/" + TOKEN).param("lang", "es"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Dejar de recibir recordatorios para actuar")));
    }

    @Test
    void anUnknownTokenOrKindIsNotFoundAndAPostWithoutCsrfIsRefused() throws Exception {
        mvc.perform(get("/reminders/opt-out/meeting-prep/not-a-token")).andExpect(status().isNotFound());
        mvc.perform(get("/reminders/opt-out/newsletter/" + TOKEN)).andExpect(status().isNotFound());
        mvc.perform(get("/reminders/opt-out/meeting-prep/" + "x".repeat(65))).andExpect(status().isNotFound());
        mvc.perform(get("/reminders/opted-out/newsletter")).andExpect(status().isNotFound());
        mvc.perform(post("/reminders/opt-out/action-nudge/" + TOKEN)).andExpect(status().isForbidden());
        mvc.perform(post("/reminders/opt-out/newsletter/" + TOKEN).with(csrf())).andExpect(status().isNotFound());

        verify(automatic, never()).optOut(anyString(), any());
    }

    @Test
    void aTokenGoneBetweenTheQuestionAndThePostIsNotFound() throws Exception {
        given(automatic.optOut(TOKEN, AutomaticKind.ACTION_NUDGE)).willReturn(false);

        mvc.perform(post("/reminders/opt-out/action-nudge/" + TOKEN).with(csrf())).andExpect(status().isNotFound());
    }

}
