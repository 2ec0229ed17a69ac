package org.advocacy.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIntegrationTests {

    @Autowired
    StaffUserService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void noStaffYet() {
        jdbc.update("delete from staff_user");
    }

    @Test
    void createsTheConfiguredAdministratorOnceWithAHashedPassword() {
        AdminBootstrap bootstrap = new AdminBootstrap(users, "Director@Example.org", "a-long-enough-secret-42");

        bootstrap.run(new DefaultApplicationArguments());
        bootstrap.run(new DefaultApplicationArguments());

        assertThat(jdbc.queryForObject("select count(*) from staff_user", Integer.class)).isEqualTo(1);
        String hash = jdbc.queryForObject("select password_hash from staff_user where email = 'director@example.org'",
                String.class);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("a-long-enough-secret-42");
        assertThat(passwordEncoder.matches("a-long-enough-secret-42", hash)).isTrue();
        assertThat(jdbc.queryForObject("select role from staff_user", String.class)).isEqualTo("ADMIN");
    }

    @Test
    void withoutAPasswordGeneratesOneAndPrintsItOnce(CapturedOutput output) {
        new AdminBootstrap(users, "admin@example.org", null).run(new DefaultApplicationArguments());

        Matcher printed = Pattern.compile("Generated password \\(shown once\\): (\\S+)").matcher(output.getOut());
        assertThat(printed.find()).as("the generated password is printed").isTrue();
        String hash = jdbc.queryForObject("select password_hash from staff_user", String.class);
        assertThat(passwordEncoder.matches(printed.group(1), hash)).isTrue();
        assertThat(printed.find()).as("printed only once").isFalse();
    }

    @Test
    void doesNothingWhenStaffUsersExist() {
        new AdminBootstrap(users, "first@example.org", "a-long-enough-secret-42")
            .run(new DefaultApplicationArguments());
        new AdminBootstrap(users, "second@example.org", "another-long-secret-43")
            .run(new DefaultApplicationArguments());

        assertThat(jdbc.queryForList("select email from staff_user", String.class))
            .containsExactly("first@example.org");
    }

}
