package org.advocacy.staff;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/** A member of staff who logs in to the console. */
@Entity
@Table(name = "staff_user")
public class StaffUser {

    /** Failed logins in a row that lock an account. */
    public static final int MAX_FAILED_LOGINS = 5;

    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

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

    @Version
    private long version;

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
        updatedAt = now;
    }

    public void recordSuccessfulLogin(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
        updatedAt = now;
    }

    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
        securityVersion++;
        updatedAt = Instant.now();
    }

    public void changeRole(Role role) {
        if (role != this.role) {
            securityVersion++;
        }
        this.role = role;
        updatedAt = Instant.now();
    }

    public void setEnabled(boolean enabled) {
        if (enabled != this.enabled) {
            securityVersion++;
        }
        this.enabled = enabled;
        updatedAt = Instant.now();
    }

    public void rename(String displayName) {
        this.displayName = displayName;
        updatedAt = Instant.now();
    }

    public @Nullable String getTimeZone() {
        return timeZone;
    }

    /**
     * Sets the console time zone (null for the organisation's); callers validate the id.
     */
    public void changeTimeZone(@Nullable String timeZone) {
        this.timeZone = timeZone;
        updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getSecurityVersion() {
        return securityVersion;
    }

    public long getVersion() {
        return version;
    }

}
