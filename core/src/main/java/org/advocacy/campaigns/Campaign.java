package org.advocacy.campaigns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillStage;
import org.advocacy.shared.Markdown;
import org.advocacy.shared.PublicContentListener;
import org.advocacy.shared.RichText;
import org.advocacy.shared.TrackedEntity;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

/**
 * A campaign for one or more bills: its information centre, its actions and whom they
 * target.
 */
@Entity
@EntityListeners(PublicContentListener.class)
@Table(name = "campaign")
public class Campaign extends TrackedEntity {

    /**
     * Stages a campaign can fall back to when it has no template set for the exact stage.
     */
    private static final Set<BillStage> IN_PROGRESS = EnumSet.range(BillStage.INTRODUCED, BillStage.PASSED_BOTH);

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String title;

    private @Nullable String tagline;

    /** Sanitised HTML. */
    @Column(nullable = false)
    private String explainer;

    /** Sanitised HTML. */
    @Column(name = "why_it_matters")
    private @Nullable String whyItMatters;

    /**
     * The explainer's Markdown source; null when it was written as HTML (before
     * Markdown).
     */
    @Column(name = "explainer_md")
    private @Nullable String explainerMarkdown;

    @Column(name = "why_it_matters_md")
    private @Nullable String whyItMattersMarkdown;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignStatus status = CampaignStatus.DRAFT;

    private @Nullable Integer goal;

    @Column(name = "letter_enabled", nullable = false)
    private boolean letterEnabled = true;

    @Column(name = "call_enabled", nullable = false)
    private boolean callEnabled = true;

    @Column(name = "meeting_enabled", nullable = false)
    private boolean meetingEnabled = true;

    @Column(name = "target_house", nullable = false)
    private boolean targetHouse = true;

    @Column(name = "target_senate", nullable = false)
    private boolean targetSenate = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_mode", nullable = false)
    private TargetMode targetMode = TargetMode.ALL;

    @Embedded
    private @Nullable CampaignSections sections = CampaignSections.GENERAL;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "campaign_bill", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "bill_id")
    private Set<Long> billIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "campaign_key_fact", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    private List<KeyFact> keyFacts = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "campaign_template_set", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "stage")
    @MapKeyEnumerated(EnumType.STRING)
    private Map<BillStage, TemplateSet> templateSets = new EnumMap<>(BillStage.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "campaign_target", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "bioguide_id")
    private Set<String> specificTargets = new HashSet<>();

    protected Campaign() {
    }

    public Campaign(String slug, String title, String explainerHtml) {
        this.slug = slug;
        this.title = title;
        this.explainer = RichText.sanitize(explainerHtml);
    }

    /**
     * Explainer and why-it-matters are HTML; they are sanitised here, before they are
     * stored.
     */
    public void describe(String title, @Nullable String tagline, String explainerHtml,
            @Nullable String whyItMattersHtml) {
        this.title = title;
        this.tagline = tagline;
        this.explainer = RichText.sanitize(explainerHtml);
        this.whyItMatters = whyItMattersHtml == null ? null : RichText.sanitize(whyItMattersHtml);
        this.explainerMarkdown = null;
        this.whyItMattersMarkdown = null;
        touch();
    }

    /**
     * Explainer and why-it-matters from Markdown: the source is kept and the public HTML
     * made from it.
     */
    public void write(CampaignText text) {
        this.explainerMarkdown = text.explainerMarkdown();
        this.explainer = Markdown.toSafeHtml(text.explainerMarkdown());
        String why = text.whyItMattersMarkdown();
        this.whyItMattersMarkdown = why == null || why.isBlank() ? null : why;
        this.whyItMatters = why == null || why.isBlank() ? null : Markdown.toSafeHtml(why);
        touch();
    }

    /**
     * The explainer as Markdown for the editor, converted from the stored HTML when it
     * predates Markdown.
     */
    public String getExplainerMarkdown() {
        String markdown = explainerMarkdown;
        return markdown != null ? markdown : Markdown.fromHtml(explainer);
    }

    public @Nullable String getWhyItMattersMarkdown() {
        String markdown = whyItMattersMarkdown;
        String html = whyItMatters;
        return markdown != null ? markdown : html == null ? null : Markdown.fromHtml(html);
    }

    public void arrangeSections(CampaignSections sections) {
        this.sections = sections.normalised();
        touch();
    }

    public void changeSlug(String slug) {
        this.slug = slug;
        touch();
    }

    public void setStatus(CampaignStatus status) {
        this.status = status;
        touch();
    }

    public void setGoal(@Nullable Integer goal) {
        this.goal = goal;
        touch();
    }

    public void enableActions(boolean letter, boolean call, boolean meeting) {
        this.letterEnabled = letter;
        this.callEnabled = call;
        this.meetingEnabled = meeting;
        touch();
    }

    public void target(boolean house, boolean senate, TargetMode mode, Set<String> specificBioguideIds) {
        if (!house && !senate) {
            throw new IllegalArgumentException("A campaign must target at least one chamber");
        }
        this.targetHouse = house;
        this.targetSenate = senate;
        this.targetMode = mode;
        this.specificTargets.clear();
        this.specificTargets.addAll(specificBioguideIds);
        touch();
    }

    public void replaceBills(Set<Long> billIds) {
        this.billIds.clear();
        this.billIds.addAll(billIds);
        touch();
    }

    public void replaceKeyFacts(List<KeyFact> keyFacts) {
        this.keyFacts.clear();
        this.keyFacts.addAll(keyFacts);
        touch();
    }

    public void putTemplateSet(BillStage stage, TemplateSet templates) {
        templateSets.put(stage, templates);
        touch();
    }

    public void removeTemplateSet(BillStage stage) {
        templateSets.remove(stage);
        touch();
    }

    /**
     * The stage that decides the campaign's call to action: that of its most advanced
     * bill, given its bills most advanced first ({@link CampaignService#bills});
     * "introduced" while it has none.
     */
    public static BillStage currentStage(List<Bill> billsMostAdvancedFirst) {
        return billsMostAdvancedFirst.isEmpty() ? BillStage.INTRODUCED : billsMostAdvancedFirst.getFirst().getStage();
    }

    /**
     * The template set for the current stage (see {@link #currentStage}), if staff wrote
     * one.
     */
    public Optional<TemplateSet> currentTemplates(List<Bill> billsMostAdvancedFirst) {
        return templatesFor(currentStage(billsMostAdvancedFirst));
    }

    /**
     * The template set for a bill stage: the exact one, or else the one for the latest
     * earlier stage while the bill is still moving. After enactment, a veto or a failure
     * only an exact set applies, because asking people to "pass" a law that exists would
     * be wrong.
     */
    public Optional<TemplateSet> templatesFor(BillStage stage) {
        TemplateSet exact = templateSets.get(stage);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (!IN_PROGRESS.contains(stage)) {
            return Optional.empty();
        }
        for (int ordinal = stage.ordinal(); ordinal >= 0; ordinal--) {
            TemplateSet earlier = templateSets.get(BillStage.values()[ordinal]);
            if (earlier != null) {
                return Optional.of(earlier);
            }
        }
        return Optional.empty();
    }

    public boolean isEnabled(ActionKind kind) {
        return switch (kind) {
            case LETTER -> letterEnabled;
            case CALL -> callEnabled;
            case MEETING -> meetingEnabled;
        };
    }

    public List<ActionKind> getEnabledActions() {
        return Arrays.stream(ActionKind.values()).filter(this::isEnabled).toList();
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getTagline() {
        return tagline;
    }

    public String getExplainer() {
        return explainer;
    }

    public @Nullable String getWhyItMatters() {
        return whyItMatters;
    }

    /** Which optional sections the page shows and their headings per language. */
    public CampaignSections getSections() {
        CampaignSections current = sections;
        return current == null ? CampaignSections.GENERAL : current;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public boolean isLive() {
        return status == CampaignStatus.LIVE;
    }

    public @Nullable Integer getGoal() {
        return goal;
    }

    public boolean isTargetHouse() {
        return targetHouse;
    }

    public boolean isTargetSenate() {
        return targetSenate;
    }

    public TargetMode getTargetMode() {
        return targetMode;
    }

    public Set<String> getSpecificTargets() {
        return Set.copyOf(specificTargets);
    }

    public Set<Long> getBillIds() {
        return Set.copyOf(billIds);
    }

    public List<KeyFact> getKeyFacts() {
        return List.copyOf(keyFacts);
    }

    public Map<BillStage, TemplateSet> getTemplateSets() {
        return Map.copyOf(templateSets);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Campaign campaign && getId() != null && getId().equals(campaign.getId());
    }

    @Override
    public int hashCode() {
        return Campaign.class.hashCode();
    }

}
