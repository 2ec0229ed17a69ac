package org.advocacy.site;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Full-context tests of the public site against real PostgreSQL, with the demo TSRA
 * campaign and the real Vermont delegation (ZIP 05401, at-large district VT-0).
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class SiteIntegrationTest {

    protected static final String ZIP = "05401";

    protected static final String DISTRICT = "VT-0";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @BeforeEach
    void loadVermontDelegation() {
        new ResourceDatabasePopulator(new ClassPathResource("sql/vermont-delegation.sql"))
            .execute(jdbc.getDataSource());
    }

    /** An email address no other test uses, so tests never see each other's rows. */
    protected static String uniqueEmail(String who) {
        return who + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet() + "@example.org";
    }

    protected long campaignId() {
        return jdbc.queryForObject("select id from campaign where slug = 'tsra'", Long.class);
    }

    /** A visit in which the supporter has already given their details. */
    protected MockHttpSession supporterSession(String name, String email) throws Exception {
        MockHttpSession session = new MockHttpSession();
        Document form = page(session, "/supporter?next=/");
        mvc.perform(post("/supporter").session(session)
            .with(csrf())
            .param("name", name)
            .param("email", email)
            .param("zip", ZIP)
            .param("next", "/")
            .param("formToken", form.select("input[name=formToken]").val())).andExpect(status().is3xxRedirection());
        return session;
    }

    protected Document page(MockHttpSession session, String url) throws Exception {
        String html = mvc.perform(get(url).session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return Jsoup.parse(html);
    }

    protected long supporterId(String email) {
        return jdbc.queryForObject("select id from supporter where lower(email) = lower(?)", Long.class, email);
    }

    protected int count(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }

}
