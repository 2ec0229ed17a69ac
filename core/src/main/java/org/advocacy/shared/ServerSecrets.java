package org.advocacy.shared;

import java.security.SecureRandom;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Random keys generated on first use and kept in the database, so that every instance,
 * before and after a restart, uses the same one. The first instance to ask creates the
 * key; a concurrent first ask from another instance keeps the one that was stored first.
 */
@Service
public class ServerSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    ServerSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The key stored under this name, created with {@code length} random bytes if there
     * is none yet.
     */
    public byte[] secret(String name, int length) {
        byte[] candidate = new byte[length];
        RANDOM.nextBytes(candidate);
        jdbc.update("insert into server_secret (name, secret) values (?, ?) on conflict (name) do nothing", name,
                candidate);
        return jdbc.queryForObject("select secret from server_secret where name = ?", byte[].class, name);
    }

}
