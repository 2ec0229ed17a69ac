package org.advocacy.bills;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.advocacy.legislators.Chamber;
import org.advocacy.shared.PublicContentListener;
import org.advocacy.shared.TrackedEntity;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

/** A bill in Congress with its status history, sponsor and cosponsors. */
@Entity
@EntityListeners(PublicContentListener.class)
@Table(name = "bill")
public class Bill extends TrackedEntity {

    @Column(nullable = false)
    private int congress;

    @Enumerated(EnumType.STRING)
    @Column(name = "bill_type", nullable = false)
    private BillType type;

    @Column(nullable = false)
    private int number;

    @Column(name = "short_title", nullable = false)
    private String shortTitle;

    @Column(name = "official_title")
    private @Nullable String officialTitle;

    private @Nullable String summary;

    @Column(name = "sponsor_id")
    private @Nullable String sponsorId;

    @Column(name = "sponsor_name")
    private @Nullable String sponsorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BillStage stage = BillStage.INTRODUCED;

    @Column(name = "public_law")
    private @Nullable String publicLaw;

    @Column(name = "congress_gov_url")
    private @Nullable String congressGovUrl;

    @OneToMany(mappedBy = "bill", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    private List<BillStatusEvent> statusEvents = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "bill_cosponsor", joinColumns = @JoinColumn(name = "bill_id"))
    private Set<Cosponsor> cosponsors = new HashSet<>();

    protected Bill() {
    }

    public Bill(int congress, BillType type, int number, String shortTitle) {
        this.congress = congress;
        this.type = type;
        this.number = number;
        this.shortTitle = shortTitle;
    }

    /**
     * Adds a status history entry. The bill's stage becomes the stage of its latest
     * entry, so entries may be recorded out of order.
     */
    public BillStatusEvent recordStatus(LocalDate occurredOn, @Nullable Chamber chamber, String description,
            BillStage stage) {
        return recordStatus(occurredOn, BillStatusEvent.DatePrecision.DAY, chamber, description, stage);
    }

    public BillStatusEvent recordStatus(LocalDate occurredOn, BillStatusEvent.DatePrecision precision,
            @Nullable Chamber chamber, String description, BillStage stage) {
        BillStatusEvent event = new BillStatusEvent(this, occurredOn, precision, chamber, description, stage);
        statusEvents.add(event);
        this.stage = latestStage();
        touch();
        return event;
    }

    public void removeStatus(long eventId) {
        statusEvents.removeIf(event -> Objects.equals(event.getId(), eventId));
        this.stage = statusEvents.isEmpty() ? BillStage.INTRODUCED : latestStage();
        touch();
    }

    private BillStage latestStage() {
        return statusEvents.stream()
            .max(Comparator.comparing(BillStatusEvent::getOccurredOn).thenComparing(e -> e.getStage().ordinal()))
            .map(BillStatusEvent::getStage)
            .orElse(BillStage.INTRODUCED);
    }

    public void describe(String shortTitle, @Nullable String officialTitle, @Nullable String summary,
            @Nullable String congressGovUrl, @Nullable String publicLaw) {
        this.shortTitle = shortTitle;
        this.officialTitle = officialTitle;
        this.summary = summary;
        this.congressGovUrl = congressGovUrl;
        this.publicLaw = publicLaw;
        touch();
    }

    public void renumber(int congress, BillType type, int number) {
        this.congress = congress;
        this.type = type;
        this.number = number;
        touch();
    }

    public void setSponsor(@Nullable String bioguideId) {
        if (!Objects.equals(this.sponsorId, bioguideId)) {
            this.sponsorName = null;
        }
        this.sponsorId = bioguideId;
        touch();
    }

    /**
     * The sponsor as the official record names them; they may have left Congress since.
     */
    public void setSponsor(@Nullable String bioguideId, @Nullable String name) {
        this.sponsorId = bioguideId;
        this.sponsorName = name;
        touch();
    }

    /**
     * Replaces the whole status history with the official one; the stage follows its
     * latest entry.
     */
    public void replaceStatusHistory(List<OfficialBillRecord.Action> actions) {
        statusEvents.clear();
        for (OfficialBillRecord.Action action : actions) {
            statusEvents.add(new BillStatusEvent(this, action.occurredOn(), BillStatusEvent.DatePrecision.DAY,
                    action.chamber(), action.description(), action.stage()));
        }
        this.stage = statusEvents.isEmpty() ? BillStage.INTRODUCED : latestStage();
        touch();
    }

    public void replaceCosponsors(Set<Cosponsor> cosponsors) {
        this.cosponsors.clear();
        this.cosponsors.addAll(cosponsors);
        touch();
    }

    public int getCongress() {
        return congress;
    }

    public BillType getType() {
        return type;
    }

    public int getNumber() {
        return number;
    }

    /** "H.R. 4323". */
    public String getDesignation() {
        return type.abbreviation() + " " + number;
    }

    public String getShortTitle() {
        return shortTitle;
    }

    public @Nullable String getOfficialTitle() {
        return officialTitle;
    }

    public @Nullable String getSummary() {
        return summary;
    }

    public @Nullable String getSponsorId() {
        return sponsorId;
    }

    public @Nullable String getSponsorName() {
        return sponsorName;
    }

    public BillStage getStage() {
        return stage;
    }

    public @Nullable String getPublicLaw() {
        return publicLaw;
    }

    public @Nullable String getCongressGovUrl() {
        return congressGovUrl;
    }

    /** Status history, oldest first. */
    public List<BillStatusEvent> getStatusHistory() {
        return statusEvents.stream()
            .sorted(Comparator.comparing(BillStatusEvent::getOccurredOn).thenComparing(e -> e.getStage().ordinal()))
            .toList();
    }

    public Set<Cosponsor> getCosponsors() {
        return Set.copyOf(cosponsors);
    }

    /** The sponsor and cosponsors: the members a campaign thanks once the bill is law. */
    public Set<String> getBackerIds() {
        Set<String> backers = cosponsors.stream().map(Cosponsor::bioguideId).collect(Collectors.toSet());
        if (sponsorId != null) {
            backers.add(sponsorId);
        }
        return backers;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bill bill && getId() != null && getId().equals(bill.getId());
    }

    @Override
    public int hashCode() {
        return Bill.class.hashCode();
    }

}
