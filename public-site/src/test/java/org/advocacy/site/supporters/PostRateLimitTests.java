package org.advocacy.site.supporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.advocacy.site.SiteWebMvcTest;
import org.advocacy.supporters.SupporterService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The rate limit on form posts, as the details form (every action's first post) meets it:
 * one address that posts too often gets a 429 with Retry-After and a friendly page in
 * place of the form, while other addresses and that address's page reads are served.
 */
@SiteWebMvcTest(value = SupporterDetailsController.class, properties = "advocacy.site.rate-limit.posts-per-minute=3")
class PostRateLimitTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SupporterService supporters;

    @MockitoBean
    SupporterMails mails;

    @Test
    void tooManyPostsFromOneAddressGetA429WithAFriendlyPageWhileOtherAddressesAreServed() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(signUp("203.0.113.7")).andExpect(status().is3xxRedirection());
        }
        String html = mvc.perform(signUp("203.0.113.7"))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().exists("Retry-After"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("h1").text()).isEqualTo("Please slow down");
        assertThat(page.select(".hotline").text()).contains("1-888-373-7888");

        mvc.perform(signUp("203.0.113.8")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/supporter").with(request -> {
            request.setRemoteAddr("203.0.113.7");
            return request;
        })).andExpect(status().isOk());
        verify(supporters, never()).saveVisit(any(), any());
    }

    /**
     * A sign-up a bot would send (accepted and dropped): every post counts towards the
     * limit.
     */
    private static MockHttpServletRequestBuilder signUp(String address) {
        return post("/supporter").with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }).param("name", "").param("email", "").param("zip", "").param("formToken", "1.x");
    }

}
