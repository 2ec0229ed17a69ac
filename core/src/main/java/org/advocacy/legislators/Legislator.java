package org.advocacy.legislators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.advocacy.shared.PublicContentListener;
import org.hibernate.annotations.Formula;
import org.jspecify.annotations.Nullable;

/**
 * A member of Congress, keyed by bioguide id. Members who leave are marked out of office
 * and kept, because supporters' actions refer to them.
 */
@Entity
@EntityListeners(PublicContentListener.class)
@Table(name = "legislator")
public class Legislator {

    @Id
    @Column(name = "bioguide_id")
    private String bioguideId;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "middle_name")
    private @Nullable String middleName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    private @Nullable String suffix;

    private @Nullable String nickname;

    @Column(name = "official_name")
    private @Nullable String officialName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Chamber chamber;

    @Column(nullable = false)
    private String state;

    /**
     * Read with the row from us_state, the one place that says which states have
     * senators.
     */
    @Formula("(select s.has_senators from us_state s where s.code = state)")
    private @Nullable Boolean stateHasSenators;

    private @Nullable Integer district;

    @Column(name = "senate_class")
    private @Nullable Integer senateClass;

    @Column(name = "state_rank")
    private @Nullable String stateRank;

    @Column(nullable = false)
    private String party;

    private @Nullable String caucus;

    @Column(name = "dc_address")
    private @Nullable String dcAddress;

    @Column(name = "dc_office")
    private @Nullable String dcOffice;

    private @Nullable String phone;

    @Column(name = "website_url")
    private @Nullable String websiteUrl;

    @Column(name = "contact_form_url")
    private @Nullable String contactFormUrl;

    @Column(name = "rss_url")
    private @Nullable String rssUrl;

    @Column(name = "term_start", nullable = false)
    private LocalDate termStart;

    @Column(name = "term_end", nullable = false)
    private LocalDate termEnd;

    @Column(name = "term_how")
    private @Nullable String termHow;

    @Column(name = "in_office", nullable = false)
    private boolean inOffice = true;

    @Column(name = "left_office_on")
    private @Nullable LocalDate leftOfficeOn;

    private @Nullable String twitter;

    private @Nullable String facebook;

    private @Nullable String instagram;

    private @Nullable String youtube;

    private @Nullable String mastodon;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @ElementCollection
    @CollectionTable(name = "legislator_party_affiliation", joinColumns = @JoinColumn(name = "bioguide_id"))
    @OrderBy("startsOn")
    private List<PartyAffiliation> partyAffiliations = new ArrayList<>();

    @OneToMany(mappedBy = "legislator", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("city")
    private List<DistrictOffice> offices = new ArrayList<>();

    protected Legislator() {
    }

    public Legislator(MemberDetails details) {
        this.bioguideId = details.bioguideId();
        apply(details);
    }

    /**
     * Takes the roster's view of this member. Returns the names of the fields that
     * changed, empty when the member is unchanged (so nothing is written).
     */
    public Set<String> apply(MemberDetails details) {
        if (!details.bioguideId().equals(bioguideId)) {
            throw new IllegalArgumentException("Details of " + details.bioguideId() + " applied to " + bioguideId);
        }
        MemberDetails before = firstName == null ? null : details();
        Set<String> changed = before == null ? Set.of() : changedFields(before, details);
        firstName = details.firstName();
        middleName = details.middleName();
        lastName = details.lastName();
        suffix = details.suffix();
        nickname = details.nickname();
        officialName = details.officialName();
        chamber = details.chamber();
        state = details.state();
        district = details.district();
        senateClass = details.senateClass();
        stateRank = details.stateRank();
        party = details.party();
        caucus = details.caucus();
        dcAddress = details.dcAddress();
        dcOffice = details.dcOffice();
        phone = details.phone();
        websiteUrl = details.websiteUrl();
        contactFormUrl = details.contactFormUrl();
        rssUrl = details.rssUrl();
        termStart = details.termStart();
        termEnd = details.termEnd();
        termHow = details.termHow();
        // Compare as plain lists: a Hibernate bag's equals is identity, which would
        // rewrite the rows every time.
        if (!List.copyOf(partyAffiliations).equals(details.partyAffiliations())) {
            partyAffiliations.clear();
            partyAffiliations.addAll(details.partyAffiliations());
        }
        twitter = details.social().twitter();
        facebook = details.social().facebook();
        instagram = details.social().instagram();
        youtube = details.social().youtube();
        mastodon = details.social().mastodon();
        if (!inOffice) {
            inOffice = true;
            leftOfficeOn = null;
        }
        if (!changed.isEmpty()) {
            updatedAt = Instant.now();
        }
        return changed;
    }

    private static Set<String> changedFields(MemberDetails before, MemberDetails after) {
        Set<String> changed = new LinkedHashSet<>();
        var components = MemberDetails.class.getRecordComponents();
        for (var component : components) {
            try {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    changed.add(component.getName());
                }
            }
            catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    /**
     * This member's current state as roster details, for comparison with a new roster.
     */
    public MemberDetails details() {
        return new MemberDetails(bioguideId, firstName, middleName, lastName, suffix, nickname, officialName, chamber,
                state, district, senateClass, stateRank, party, caucus, dcAddress, dcOffice, phone, websiteUrl,
                contactFormUrl, rssUrl, termStart, termEnd, termHow, List.copyOf(partyAffiliations),
                new MemberDetails.SocialAccounts(twitter, facebook, instagram, youtube, mastodon));
    }

    /** Marks the member as no longer serving; their record and history stay. */
    public void leaveOffice(LocalDate on) {
        if (inOffice) {
            inOffice = false;
            leftOfficeOn = on;
            updatedAt = Instant.now();
        }
    }

    public String getBioguideId() {
        return bioguideId;
    }

    public String getFirstName() {
        return firstName;
    }

    public @Nullable String getMiddleName() {
        return middleName;
    }

    public String getLastName() {
        return lastName;
    }

    public @Nullable String getSuffix() {
        return suffix;
    }

    public @Nullable String getNickname() {
        return nickname;
    }

    public @Nullable String getOfficialName() {
        return officialName;
    }

    /**
     * The name to show: the official full name, or first and last name when there is
     * none.
     */
    public String getDisplayName() {
        if (officialName != null && !officialName.isBlank()) {
            return officialName;
        }
        String first = nickname != null && !nickname.isBlank() ? nickname : firstName;
        return first + " " + lastName + (suffix == null ? "" : " " + suffix);
    }

    /** "Rep.", "Sen.", "Del." or "Res. Comm.", as used in a letter's salutation. */
    public String getTitle() {
        return getRole().title();
    }

    /**
     * A House member from a place without senators (us_state.has_senators) is its
     * delegate.
     */
    public LegislatorRole getRole() {
        if (chamber == Chamber.SENATE) {
            return LegislatorRole.SENATOR;
        }
        if ("PR".equals(state)) {
            return LegislatorRole.COMMISSIONER;
        }
        return Boolean.FALSE.equals(stateHasSenators) ? LegislatorRole.DELEGATE : LegislatorRole.REPRESENTATIVE;
    }

    public Chamber getChamber() {
        return chamber;
    }

    public String getState() {
        return state;
    }

    public @Nullable Integer getDistrict() {
        return district;
    }

    /** "VT-0" style seat label for House members, the state for senators. */
    public String getSeat() {
        return chamber == Chamber.HOUSE ? state + "-" + district : state;
    }

    public @Nullable Integer getSenateClass() {
        return senateClass;
    }

    public @Nullable String getStateRank() {
        return stateRank;
    }

    public String getParty() {
        return party;
    }

    /** "D", "R", "I" or the first letter of another party. */
    public String getPartyInitial() {
        return party.isEmpty() ? "" : party.substring(0, 1);
    }

    public @Nullable String getCaucus() {
        return caucus;
    }

    public @Nullable String getDcAddress() {
        return dcAddress;
    }

    public @Nullable String getDcOffice() {
        return dcOffice;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public @Nullable String getWebsiteUrl() {
        return websiteUrl;
    }

    public @Nullable String getContactFormUrl() {
        return contactFormUrl;
    }

    public @Nullable String getRssUrl() {
        return rssUrl;
    }

    public LocalDate getTermStart() {
        return termStart;
    }

    public LocalDate getTermEnd() {
        return termEnd;
    }

    public @Nullable String getTermHow() {
        return termHow;
    }

    public boolean isInOffice() {
        return inOffice;
    }

    public @Nullable LocalDate getLeftOfficeOn() {
        return leftOfficeOn;
    }

    public MemberDetails.SocialAccounts getSocial() {
        return new MemberDetails.SocialAccounts(twitter, facebook, instagram, youtube, mastodon);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<PartyAffiliation> getPartyAffiliations() {
        return List.copyOf(partyAffiliations);
    }

    public List<DistrictOffice> getOffices() {
        return offices.stream().sorted(Comparator.comparing(DistrictOffice::getCity)).toList();
    }

    /** Mutable view for the roster sync, which replaces offices member by member. */
    public List<DistrictOffice> officesForSync() {
        return offices;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Legislator legislator && Objects.equals(bioguideId, legislator.bioguideId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(bioguideId);
    }

    @Override
    public String toString() {
        return getTitle() + " " + getDisplayName() + " (" + getPartyInitial() + "-" + getSeat() + ")";
    }

}
