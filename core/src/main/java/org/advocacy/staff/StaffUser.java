package org.advocacy.staff;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.advocacy.shared.TrackedEntity;
import org.jspecify.annotations.Nullable;

/** A member of staff who logs in to the console. */
@Entity
@Table(name = "staff_user")
public class StaffUser extends TrackedEntity {

    /** Failed logins in a row that lock an account. */
    public static final int MAX_FAILED_LOGINS = 5;

    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private @Nullable Instant lockedUntil;

    @Column(name = "last_login_at")
    private @Nullable Instant lastLoginAt;

    /**
     * Bumped by every change that must end the user's open sessions (see StaffSessions).
     */
    @Column(name = "security_version", nullable = false)
    private int securityVersion;

    /**
     * IANA zone the console shows this user's dates in; null means the organisation's
     * default.
     */
    @Column(name = "time_zone")
    private @Nullable String timeZone;

    protected StaffUser() {
    }

    public StaffUser(String email, String displayName, String passwordHash, Role role) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts a failed login; the fifth in a row locks the account for {@link #LOCKOUT}.
     */
    public void recordFailedLogin(Instant now) {
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCKOUT);
            failedLogins = 0;
        }
        touch(now);
    }

    public void recordSuccessfulLogin(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
        touch(now);
    }

    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
        securityVersion++;
        touch();
    }

    public void changeRole(Role role) {
        if (role != this.role) {
            securityVersion++;
        }
        this.role = role;
        touch();
    }

    public void setEnabled(boolean enabled) {
        if (enabled != this.enabled) {
            securityVersion++;
        }
        this.enabled = enabled;
        touch();
    }

    public void rename(String displayName) {
        this.displayName = displayName;
        touch();
    }

    public @Nullable String getTimeZone() {
        return timeZone;
    }

    /**
     * Sets the console time zone (null for the organisation's); callers validate the id.
     */
    public void changeTimeZone(@Nullable String timeZone) {
        this.timeZone = timeZone;
        touch();
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public @Nullable Instant getLockedUntil() {
        return lockedUntil;
    }

    public @Nullable Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public int getSecurityVersion() {
        return securityVersion;
    }

}
