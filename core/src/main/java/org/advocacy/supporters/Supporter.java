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
 * Someone who took action or signed up. We keep the minimum: name, email, ZIP and the
 * seat it resolved to, and the state of their email consent (double opt-in).
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

    /**
     * {@link #isSubscribed()} as the database computes it (V141), for queries; read-only,
     * and only as fresh as the last load, so code deciding on a row uses
     * {@link #isSubscribed()}.
     */
    @Column(name = "subscribed", insertable = false, updatable = false)
    private boolean subscribedInDatabase;

    @Column(name = "confirmation_token", unique = true)
    private @Nullable String confirmationToken;

    @Column(name = "unsubscribe_token", nullable = false, unique = true)
    private String unsubscribeToken = Tokens.newToken();

    /**
     * Set on the row of a visit that gave this supporter's email and has not yet been
     * confirmed by them.
     */
    @Column(name = "claims_supporter_id")
    private @Nullable Long claimsSupporterId;

    @Column(name = "claim_token_hash", unique = true)
    private @Nullable String claimTokenHash;

    @Column(name = "claim_expires_at")
    private @Nullable Instant claimExpiresAt;

    @Column(name = "claim_wants_updates", nullable = false)
    private boolean claimWantsUpdates;

    @Column(name = "email_confirmed_at")
    private @Nullable Instant emailConfirmedAt;

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

    /**
     * The row of an unconfirmed visit that gave {@code owner}'s email: it never carries
     * consent of its own.
     */
    static Supporter visitClaiming(Supporter owner, String name) {
        Supporter visit = new Supporter(owner.getEmail(), name);
        visit.claimsSupporterId = owner.getId();
        return visit;
    }

    /**
     * A new link for the owner of the address to confirm this visit was them; replaces
     * any earlier one.
     */
    void issueClaim(String tokenHash, Instant expiresAt, boolean wantsUpdates) {
        claimTokenHash = tokenHash;
        claimExpiresAt = expiresAt;
        claimWantsUpdates = wantsUpdates;
    }

    public void updateDetails(String name, @Nullable String zip, @Nullable String state, @Nullable Integer district) {
        this.name = name;
        this.zip = zip;
        this.state = state;
        this.district = district;
        updatedAt = Instant.now();
    }

    /**
     * The supporter asked for updates: a confirmation email must follow before we send
     * any.
     */
    public String requestConsent(Instant at) {
        if (claimsSupporterId != null) {
            throw new IllegalStateException("An unconfirmed visit cannot hold consent");
        }
        if (isSubscribed()) {
            return Objects.requireNonNull(confirmationToken == null ? unsubscribeToken : confirmationToken);
        }
        // An unsubscribed supporter stays unsubscribed until they confirm: asking is not
        // consenting.
        emailConsent = false;
        consentRequestedAt = at;
        confirmationToken = Tokens.newToken();
        updatedAt = at;
        return confirmationToken;
    }

    public void confirmConsent(Instant at) {
        emailConsent = true;
        consentConfirmedAt = at;
        unsubscribedAt = null;
        confirmationToken = null;
        emailConfirmedAt = at;
        updatedAt = at;
    }

    /** Someone proved they read this address by following a link sent to it. */
    void confirmEmail(Instant at) {
        emailConfirmedAt = at;
        updatedAt = at;
    }

    public @Nullable Instant getEmailConfirmedAt() {
        return emailConfirmedAt;
    }

    public void unsubscribe(Instant at) {
        emailConsent = false;
        unsubscribedAt = at;
        confirmationToken = null;
        updatedAt = at;
    }

    /**
     * Confirmed and not unsubscribed: the only supporters we may email (the same rule as
     * column "subscribed").
     */
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

    /**
     * True for the row of a visit that gave another supporter's email and has not been
     * confirmed by them.
     */
    public boolean isUnconfirmedVisit() {
        return claimsSupporterId != null;
    }

    public @Nullable Long getClaimsSupporterId() {
        return claimsSupporterId;
    }

    public @Nullable Instant getClaimExpiresAt() {
        return claimExpiresAt;
    }

    public boolean isClaimWantsUpdates() {
        return claimWantsUpdates;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

}
