package org.advocacy.site.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(properties = "advocacy.site.rate-limit.posts-per-minute=3")
@AutoConfigureMockMvc
class RateLimitIntegrationTests {

    @Autowired
    MockMvc mvc;

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
        assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("Please slow down");
        assertThat(Jsoup.parse(html).select(".hotline").text()).contains("1-888-373-7888");

        mvc.perform(signUp("203.0.113.8")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/campaigns/tsra").with(request -> {
            request.setRemoteAddr("203.0.113.7");
            return request;
        })).andExpect(status().isOk());
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
