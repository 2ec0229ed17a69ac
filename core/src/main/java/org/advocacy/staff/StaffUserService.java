package org.advocacy.staff;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.advocacy.shared.EmailAddress;
import org.advocacy.staff.internal.StaffUserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff user management, for administrators only. Every change is audited. A change of
 * role, a disable or a password reset ends the user's open console sessions on their next
 * request ({@link StaffSessions}); an administrator who resets their own password keeps
 * the session they did it in.
 */
@Service
@Transactional(readOnly = true)
public class StaffUserService {

    private final StaffUserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final PasswordPolicy passwordPolicy;

    private final AuditLog audit;

    private final StaffSessions sessions;

    private final Clock clock;

    StaffUserService(StaffUserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            AuditLog audit, StaffSessions sessions, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<StaffUser> list() {
        return users.findAll(Sort.by("email"));
    }

    /** One page of staff users, by email. */
    @PreAuthorize("hasRole('ADMIN')")
    public Page<StaffUser> page(Pageable pageable) {
        return users.findAll(pageable);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Optional<StaffUser> find(long userId) {
        return users.findById(userId);
    }

    public long count() {
        return users.count();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public StaffUser create(String email, String displayName, String password, Role role) {
        StaffUser user = createUnchecked(email, displayName, password, role);
        audit.record("staff.create", "StaffUser", user.getId(), null, snapshot(user));
        return user;
    }

    /** For the first-start bootstrap, when no one can be logged in yet. */
    @Transactional
    StaffUser createUnchecked(String email, String displayName, String password, Role role) {
        String normalisedEmail = email.strip().toLowerCase(Locale.ROOT);
        if (!EmailAddress.Rule.valid(normalisedEmail)) {
            throw new InvalidStaffUserException("Enter a valid email address.");
        }
        if (users.findByEmailIgnoreCase(normalisedEmail).isPresent()) {
            throw new InvalidStaffUserException("A staff user with this email already exists.");
        }
        passwordPolicy.problem(password, normalisedEmail).ifPresent(problem -> {
            throw new InvalidStaffUserException(problem);
        });
        return users.save(new StaffUser(normalisedEmail, displayName.strip(), passwordEncoder.encode(password), role));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public StaffUser resetPassword(long userId, String newPassword) {
        StaffUser user = get(userId);
        passwordPolicy.problem(newPassword, user.getEmail()).ifPresent(problem -> {
            throw new InvalidStaffUserException(problem);
        });
        user.changePassword(passwordEncoder.encode(newPassword));
        audit.record("staff.reset-password", "StaffUser", userId, null, Map.of("passwordChanged", true));
        if (isCurrentUser(user)) {
            sessions.keepCurrentSession(user);
        }
        return user;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public StaffUser changeRole(long userId, Role role) {
        StaffUser user = get(userId);
        if (role != Role.ADMIN && isCurrentUser(user)) {
            throw new InvalidStaffUserException(
                    "You cannot remove your own administrator role. Ask another administrator.");
        }
        Map<String, Object> before = snapshot(user);
        user.changeRole(role);
        audit.record("staff.change-role", "StaffUser", userId, before, snapshot(user));
        return user;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public StaffUser setEnabled(long userId, boolean enabled) {
        StaffUser user = get(userId);
        if (!enabled && isCurrentUser(user)) {
            throw new InvalidStaffUserException("You cannot disable your own account.");
        }
        Map<String, Object> before = snapshot(user);
        user.setEnabled(enabled);
        audit.record(enabled ? "staff.enable" : "staff.disable", "StaffUser", userId, before, snapshot(user));
        return user;
    }

    /**
     * Sets the time zone the console shows dates in for a staff user: administrators for
     * anyone, every staff member for themselves. A blank zone means the organisation's
     * default.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public StaffUser changeTimeZone(long userId, @Nullable String zoneId) {
        StaffUser user = get(userId);
        boolean admin = SecurityContextHolder.getContext()
            .getAuthentication()
            .getAuthorities()
            .stream()
            .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
        if (!admin && !isCurrentUser(user)) {
            throw new AccessDeniedException("Only administrators can change another staff member's time zone.");
        }
        String zone = zoneId == null || zoneId.isBlank() ? null : zoneId.strip();
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new InvalidStaffUserException("Choose a time zone from the list, for example America/Chicago.");
        }
        Map<String, Object> before = Map.of("timeZone", String.valueOf(user.getTimeZone()));
        user.changeTimeZone(zone);
        audit.record("staff.change-time-zone", "StaffUser", userId, before, Map.of("timeZone", String.valueOf(zone)));
        return user;
    }

    /** The console time zone the logged-in staff member chose, if any. */
    public Optional<String> timeZoneOf(String email) {
        return users.findByEmailIgnoreCase(email).map(StaffUser::getTimeZone);
    }

    /** The logged-in staff member's own account. */
    @PreAuthorize("isAuthenticated()")
    public Optional<StaffUser> current() {
        return users.findByEmailIgnoreCase(AuditLog.currentActor());
    }

    private static boolean isCurrentUser(StaffUser user) {
        return user.getEmail().equalsIgnoreCase(AuditLog.currentActor());
    }

    private StaffUser get(long userId) {
        return users.findById(userId).orElseThrow(() -> new InvalidStaffUserException("No such staff user."));
    }

    static Map<String, Object> snapshot(StaffUser user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", user.getEmail());
        state.put("displayName", user.getDisplayName());
        state.put("role", user.getRole().name());
        state.put("enabled", user.isEnabled());
        return state;
    }

    /** A staff user change was refused; the message is fit to show. */
    public static class InvalidStaffUserException extends IllegalArgumentException {

        public InvalidStaffUserException(String message) {
            super(message);
        }

    }

    /** Used by the login lockout, which runs without an authenticated user. */
    @Transactional
    void recordLoginFailure(String email) {
        // What was typed for an unknown account is not kept: it may be a mistyped
        // password or a stranger's address.
        users.findByEmailIgnoreCase(email).ifPresentOrElse(user -> {
            user.recordFailedLogin(clock.instant());
            audit.recordAs(user.getEmail(), "staff.sign-in-failed", "StaffUser", user.getId(), null, null);
        }, () -> audit.recordAs("unknown account", "staff.sign-in-failed", "StaffUser", null, null, null));
    }

    @Transactional
    void recordLoginSuccess(String email) {
        users.findByEmailIgnoreCase(email).ifPresent(user -> {
            user.recordSuccessfulLogin(clock.instant());
            audit.recordAs(user.getEmail(), "staff.sign-in", "StaffUser", user.getId(), null, null);
        });
    }

    @Transactional
    void recordLogout(String email) {
        users.findByEmailIgnoreCase(email)
            .ifPresent(
                    user -> audit.recordAs(user.getEmail(), "staff.sign-out", "StaffUser", user.getId(), null, null));
    }

}
