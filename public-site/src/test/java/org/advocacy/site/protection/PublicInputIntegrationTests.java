package org.advocacy.site.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import org.advocacy.site.SiteIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What the public site does with input people never type: odd redirect targets, invisible
 * names, huge fields.
 */
class PublicInputIntegrationTests extends SiteIntegrationTest {

    @Test
    void aNextAddressWithTemplateSyntaxGoesHomeAfterTheDetailsAreSavedOnce() throws Exception {
        String email = uniqueEmail("template-next");
        signUp(new MockHttpSession(), "Template Next", email, "/campaigns/{x}").andExpect(redirectedUrl("/"));
        assertThat(count("select count(*) from supporter where email = ?", email)).isEqualTo(1);
    }

    @Test
    void aNextAddressWithUnicodeSpacesOrAnotherHostGoesHome() throws Exception {
        for (String next : new String[] { "/\u3000/evil.example", "/\u00A0/evil.example", "//evil.example",
                "/\\evil.example", "https://evil.example/" }) {
            MockHttpSession session = new MockHttpSession();
            Document form = page(session, "/supporter?next=" + URLEncoder.encode(next, "UTF-8"));
            assertThat(form.select("input[name=next]").val()).as(next).isEqualTo("/");
            signUp(session, "Unicode Next", uniqueEmail("unicode-next"), next).andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void aMadeUpFormTokenIsDroppedLikeABotsAndNothingIsSaved() throws Exception {
        String earlier = Long.toString(System.currentTimeMillis() - 60_000);
        for (String forged : new String[] { earlier + "." + "A".repeat(43),
                earlier + "." + "A".repeat(22) + "." + "B".repeat(22) }) {
            String email = uniqueEmail("forged");
            MockHttpSession session = new MockHttpSession();
            page(session, "/supporter");
            mvc.perform(post("/supporter").session(session)
                .with(csrf())
                .param("name", "Forged Token")
                .param("email", email)
                .param("zip", ZIP)
                .param("next", "/campaigns/tsra")
                .param("formToken", forged)).andExpect(redirectedUrl("/campaigns/tsra"));
            assertThat(count("select count(*) from supporter where email = ?", email)).as(forged).isZero();
        }
    }

    @Test
    void aNameMadeOnlyOfInvisibleCharactersIsRefusedAsMissing() throws Exception {
        for (String name : new String[] { "\u200B\u200B\u200B", "\u00A0\u00A0", "\u200B\u00A0\u3000\u2060" }) {
            String email = uniqueEmail("invisible");
            String html = signUp(new MockHttpSession(), name, email, "/").andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
            assertThat(Jsoup.parse(html).select(".error-summary").text()).as(name).contains("Enter your name");
            assertThat(count("select count(*) from supporter where email = ?", email)).as(name).isZero();
        }
    }

    @Test
    void aRightToLeftOverrideIsNotStoredNorShownToStaff() throws Exception {
        String email = uniqueEmail("bidi");
        signUp(new MockHttpSession(), "Ann\u202Egpj.exe\u202C Lee", email, "/").andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select name from supporter where email = ?", String.class, email))
            .isEqualTo("Anngpj.exe Lee");
    }

    @Test
    void aMegabyteFieldIsRefusedBeforeBindingWithoutBeingEchoedOrStored() throws Exception {
        String email = uniqueEmail("megabyte");
        MockHttpServletResponse response = signUp(new MockHttpSession(), "x".repeat(1_000_000), email, "/")
            .andExpect(status().isContentTooLarge())
            .andReturn()
            .getResponse();
        assertThat(response.getContentAsString()).doesNotContain("x".repeat(2_000));
        assertThat(count("select count(*) from supporter where email = ?", email)).isZero();

        mvc.perform(get("/campaigns/tsra/legislators").param("zip", ZIP).param("address", "1 Main St ".repeat(200)))
            .andExpect(status().isContentTooLarge());
    }

    @Test
    void anOverLongAddressForAZipInOneDistrictStillShowsItsLegislators() throws Exception {
        String html = mvc
            .perform(get("/campaigns/tsra/legislators").param("zip", ZIP).param("address", "a".repeat(201)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("section[aria-labelledby=actions-heading] a.button")).isNotEmpty();
        assertThat(page.select(".error-summary")).isEmpty();

        // A ZIP in several districts (10001) needs the address: the limit is explained
        // next to it.
        Document split = Jsoup.parse(
                mvc.perform(get("/campaigns/tsra/legislators").param("zip", "10001").param("address", "a".repeat(201)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
        assertThat(split.select("#address-error").text()).contains("We could not find that address");
    }

    @Test
    void theLanguageCookieLastsOnlyTheVisit() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/privacy").param("lang", "es"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
        String cookie = response.getHeader("Set-Cookie");
        assertThat(cookie).startsWith("lang=es")
            .doesNotContainIgnoringCase("Max-Age")
            .doesNotContainIgnoringCase("Expires");
    }

    private ResultActions signUp(MockHttpSession session, String name, String email, String next) throws Exception {
        Document form = page(session, "/supporter");
        return mvc.perform(post("/supporter").session(session)
            .with(csrf())
            .param("name", name)
            .param("email", email)
            .param("zip", ZIP)
            .param("next", next)
            .param("formToken", form.select("input[name=formToken]").val()));
    }

}
