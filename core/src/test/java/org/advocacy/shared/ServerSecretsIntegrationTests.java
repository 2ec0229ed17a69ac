package org.advocacy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated key is created once and then the same for every caller (every instance,
 * every restart).
 */
@SpringBootTest
class ServerSecretsIntegrationTests {

    @Autowired
    ServerSecrets secrets;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstAskCreatesARandomKeyAndEveryLaterAskGetsTheSameOne() {
        String name = "test-key-" + UUID.randomUUID();
        byte[] first = secrets.secret(name, 32);
        // As another instance, or this one after a restart, would ask.
        ServerSecrets another = new ServerSecrets(jdbc);

        assertThat(first).hasSize(32).isNotEqualTo(new byte[32]);
        assertThat(secrets.secret(name, 32)).isEqualTo(first);
        assertThat(another.secret(name, 32)).isEqualTo(first);
        assertThat(secrets.secret(name + "-other", 32)).isNotEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from server_secret where name = ?", Integer.class, name))
            .isEqualTo(1);
    }

}
