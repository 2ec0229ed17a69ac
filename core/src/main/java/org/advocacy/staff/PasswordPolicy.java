package org.advocacy.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Staff passwords: at least 12 characters, not a common password, not the email address.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    public static final int MAX_LENGTH = 128;

    private final Set<String> commonPasswords;

    PasswordPolicy() {
        try (var in = new ClassPathResource("staff/common-passwords.txt").getInputStream()) {
            commonPasswords = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<String> problem(String password, String email) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("The password must be at least " + MIN_LENGTH + " characters long.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password must be at most " + MAX_LENGTH + " characters long.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(lower)) {
            return Optional.of("This password is on the list of commonly used passwords. Choose another.");
        }
        String localPart = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        if (localPart.length() >= 4 && lower.contains(localPart.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the email address.");
        }
        if (lower.chars().distinct().count() < 5) {
            return Optional.of("The password must use at least 5 different characters.");
        }
        return Optional.empty();
    }

}
