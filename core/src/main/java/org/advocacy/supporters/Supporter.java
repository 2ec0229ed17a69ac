package org.advocacy.supporters;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.advocacy.shared.Tokens;
import org.jspecify.annotations.Nullable;

/**
 * Someone who took action or signed up. We keep the minimum: name, email, ZIP and the seat it
 * resolved to, and the state of their email consent (double opt-in).
 */
@Entity
@Table(name = "supporter")
public class Supporter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String name;

    private @Nullable String zip;
    private @Nullable String state;
    private @Nullable Integer district;

    @Column(name = "email_consent", nullable = false)
    private boolean emailConsent;

    @Column(name = "consent_requested_at")
    private @Nullable Instant consentRequestedAt;

    @Column(name = "consent_confirmed_at")
    private @Nullable Instant consentConfirmedAt;

    @Column(name = "unsubscribed_at")
    private @Nullable Instant unsubscribedAt;

    @Column(name = "confirmation_token", unique = true)
    private @Nullable String confirmationToken;

    @Column(name = "unsubscribe_token", nullable = false, unique = true)
    private String unsubscribeToken = Tokens.newToken();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Supporter() {
    }

    public Supporter(String email, String name) {
        this.email = email;
        this.name = name;
    }

    public void updateDetails(String name, @Nullable String zip, @Nullable String state, @Nullable Integer district) {
        this.name = name;
        this.zip = zip;
        this.state = state;
        this.district = district;
        updatedAt = Instant.now();
    }

    /** The supporter asked for updates: a confirmation email must follow before we send any. */
    public String requestConsent(Instant at) {
        if (isSubscribed()) {
            return Objects.requireNonNull(confirmationToken == null ? unsubscribeToken : confirmationToken);
        }
        emailConsent = false;
        consentRequestedAt = at;
        unsubscribedAt = null;
        confirmationToken = Tokens.newToken();
        updatedAt = at;
        return confirmationToken;
    }

    public void confirmConsent(Instant at) {
        emailConsent = true;
        consentConfirmedAt = at;
        confirmationToken = null;
        updatedAt = at;
    }

    public void unsubscribe(Instant at) {
        emailConsent = false;
        unsubscribedAt = at;
        confirmationToken = null;
        updatedAt = at;
    }

    /** Confirmed and not unsubscribed: the only supporters we may email. */
    public boolean isSubscribed() {
        return emailConsent && consentConfirmedAt != null && unsubscribedAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getZip() {
        return zip;
    }

    public @Nullable String getState() {
        return state;
    }

    public @Nullable Integer getDistrict() {
        return district;
    }

    public boolean isEmailConsent() {
        return emailConsent;
    }

    public @Nullable Instant getConsentRequestedAt() {
        return consentRequestedAt;
    }

    public @Nullable Instant getConsentConfirmedAt() {
        return consentConfirmedAt;
    }

    public @Nullable Instant getUnsubscribedAt() {
        return unsubscribedAt;
    }

    public @Nullable String getConfirmationToken() {
        return confirmationToken;
    }

    public String getUnsubscribeToken() {
        return unsubscribeToken;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
