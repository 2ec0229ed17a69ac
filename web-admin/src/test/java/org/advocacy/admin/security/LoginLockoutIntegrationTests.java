package org.advocacy.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The real login endpoint, through the console's security filter chain. */
@SpringBootTest
class LoginLockoutIntegrationTests {

    static final String PASSWORD = "a long staff passphrase 7";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    MockMvc mvc;

    String email;

    /**
     * Each test logs in from its own address, so the per-address login throttle never
     * meets the account lock.
     */
    String address;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        email = "lockout-" + UUID.randomUUID() + "@example.org";
        address = "10.11." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        jdbc.update("insert into staff_user (email, display_name, password_hash, role) values (?, ?, ?, 'ORGANIZER')",
                email, "Lockout test", encoder.encode(PASSWORD));
    }

    @Test
    void theRightPasswordLogsInAtAdminLogin() throws Exception {
        MvcResult result = login(PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(jdbc.queryForObject("select last_login_at is not null from staff_user where email = ?",
                Boolean.class, email))
            .isTrue();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(login("wrong password " + attempt).getResponse().getRedirectedUrl()).contains("error");
        }
        assertThat(lockedUntil()).isNull();

        assertThat(login("wrong password 5").getResponse().getRedirectedUrl()).contains("error");

        Instant lockedUntil = lockedUntil();
        assertThat(lockedUntil).isBetween(Instant.now().plus(Duration.ofMinutes(14)),
                Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(login(PASSWORD).getResponse().getRedirectedUrl()).contains("error");

        jdbc.update("update staff_user set locked_until = now() - interval '1 second' where email = ?", email);
        assertThat(login(PASSWORD).getResponse().getRedirectedUrl()).doesNotContain("error");
    }

    @Test
    void aSuccessfulLoginResetsTheCountOfFailures() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            login("wrong password " + attempt);
        }
        login(PASSWORD);
        login("wrong again");

        assertThat(lockedUntil()).isNull();
        assertThat(jdbc.queryForObject("select failed_logins from staff_user where email = ?", Integer.class, email))
            .isEqualTo(1);
    }

    @Test
    void aDisabledAccountCannotLogIn() throws Exception {
        jdbc.update("update staff_user set enabled = false where email = ?", email);

        assertThat(login(PASSWORD).getResponse().getRedirectedUrl()).contains("error");
    }

    private MvcResult login(String password) throws Exception {
        return mvc.perform(post("/admin/login").param("username", email).param("password", password).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn();
    }

    private Instant lockedUntil() {
        return jdbc.queryForObject("select locked_until from staff_user where email = ?",
                (rs, row) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(), email);
    }

}
