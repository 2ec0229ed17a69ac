package org.advocacy.site.supporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.advocacy.site.SiteIntegrationTest;
import org.advocacy.supporters.SupporterErasure;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff may erase a supporter whose visit is still open. That visit then belongs to
 * nobody: its next action starts again at the details step, with an empty form, never an
 * error page, and nothing is recorded for the erased supporter.
 */
class ErasedSupporterVisitIntegrationTests extends SiteIntegrationTest {

    private static final String LETTER = "/campaigns/tsra/letter?zip=05401&district=VT-0";

    private static final String DETAILS_STEP = "/supporter?next=/campaigns/tsra/letter?zip%3D05401%26district%3DVT-0";

    @Autowired
    SupporterErasure erasure;

    @Test
    void theNextLetterOfAnErasedSupportersOpenVisitGoesToTheDetailsStepAndRecordsNothing() throws Exception {
        String email = uniqueEmail("erased");
        MockHttpSession session = supporterSession("Erin Erased", email);
        Document form = page(session, LETTER);
        long erased = supporterId(email);
        int actionsBefore = count("select count(*) from supporter_action");

        eraseAsStaff(erased);

        mvc.perform(letter(session, form)).andExpect(status().isFound()).andExpect(redirectedUrl(DETAILS_STEP));
        assertThat(count("select count(*) from supporter_action")).as("nothing recorded at all")
            .isEqualTo(actionsBefore);
        assertThat(count("select count(*) from supporter where id = ?", erased)).isZero();

        Document details = page(session, DETAILS_STEP);
        assertThat(details.getElementById("name").val()).as("the erased person's details are not shown again")
            .isEmpty();
        assertThat(details.getElementById("email").val()).isEmpty();
        assertThat(details.select(".error-summary")).isEmpty();
    }

    @Test
    void openingAnActionPageAfterErasureAlsoStartsAtTheDetailsStep() throws Exception {
        String erasedEmail = uniqueEmail("erased-page");
        MockHttpSession session = supporterSession("Page Erased", erasedEmail);
        String email = uniqueEmail("after");
        long erased = supporterId(erasedEmail);
        eraseAsStaff(erased);

        mvc.perform(get(LETTER).session(session)).andExpect(redirectedUrl(DETAILS_STEP));

        // A fresh supporter step: new details, then the letter records for the new
        // supporter only.
        Document details = page(session, DETAILS_STEP);
        mvc.perform(post("/supporter").session(session)
            .with(csrf())
            .param("name", "Fresh Start")
            .param("email", email)
            .param("zip", ZIP)
            .param("next", details.select("input[name=next]").val())
            .param("formToken", details.select("input[name=formToken]").val())).andExpect(status().isFound());
        Document form = page(session, LETTER);
        mvc.perform(letter(session, form)).andExpect(status().isFound());
        long fresh = supporterId(email);
        assertThat(fresh).isNotEqualTo(erased);
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", fresh)).isEqualTo(1);
        assertThat(count("select count(*) from supporter_action where supporter_id = ?", erased)).isZero();
    }

    private void eraseAsStaff(long supporterId) {
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("organiser@example.org", null,
                    AuthorityUtils.createAuthorityList("ROLE_ORGANIZER")));
        try {
            erasure.erase(supporterId);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static MockHttpServletRequestBuilder letter(MockHttpSession session, Document form) {
        return post("/campaigns/tsra/letter").session(session)
            .with(csrf())
            .param("formToken", form.select("input[name=formToken]").val())
            .param("zip", ZIP)
            .param("district", DISTRICT)
            .param("subject", "Still here?")
            .param("targets", "W000800")
            .param("bodies[W000800]", "Dear Senator Welch, please act.")
            .param("delivery", "MAILTO");
    }

}
