package org.advocacy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff users for tests that log in. The test database is shared by every test class, so
 * a test makes sure its own account exists (unlocked, with a known password) instead of
 * relying on the first-start administrator. Public for the security tests
 * (org.advocacy.security), which log in over HTTP.
 */
public final class StaffAccounts {

    public static final String ADMIN_EMAIL = "admin@advocacy.test";

    public static final String ADMIN_PASSWORD = "integration-test-password-1";

    private StaffAccounts() {
    }

    public static void ensure(JdbcTemplate jdbc, PasswordEncoder encoder, String email, String password, String role) {
        jdbc.update("""
                insert into staff_user (email, display_name, password_hash, role)
                values (?, ?, ?, ?)
                on conflict (lower(email)) do update
                   set password_hash = excluded.password_hash, role = excluded.role, enabled = true,
                       failed_logins = 0, locked_until = null
                """, email, "Test " + role.toLowerCase(), encoder.encode(password), role);
    }

}
