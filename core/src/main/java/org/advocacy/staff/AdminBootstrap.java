package org.advocacy.staff;

import org.advocacy.shared.Tokens;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator when there is no staff user yet, from
 * ADVOCACY_ADMIN_EMAIL and ADVOCACY_ADMIN_PASSWORD. Without a password it generates one
 * and logs it once: there is no built-in password.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final StaffUserService users;

    private final String email;

    private final @Nullable String password;

    AdminBootstrap(StaffUserService users, @Value("${advocacy.admin.email:admin@localhost.localdomain}") String email,
            @Value("${advocacy.admin.password:#{null}}") @Nullable String password) {
        this.users = users;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = password == null || password.isBlank();
        String initialPassword = generated ? generatePassword() : password;
        users.createUnchecked(email, "Administrator", initialPassword, Role.ADMIN);
        if (generated) {
            log.warn("""

                    ================================================================
                     Created the first administrator: {}
                     Generated password (shown once): {}
                     Set ADVOCACY_ADMIN_EMAIL and ADVOCACY_ADMIN_PASSWORD to choose your own.
                    ================================================================""", email, initialPassword);
        }
        else {
            log.info("Created the first administrator: {}", email);
        }
    }

    private static String generatePassword() {
        return Tokens.newToken().substring(0, 20);
    }

}
