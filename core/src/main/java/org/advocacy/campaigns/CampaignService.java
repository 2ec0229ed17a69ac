package org.advocacy.campaigns;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillStage;
import org.advocacy.campaigns.internal.CampaignRepository;
import org.advocacy.shared.WebLinks;
import org.advocacy.staff.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns for the public site and the console: their details, page sections, bills and
 * current stage. Reads that the public site uses are open; every change needs ADMIN or
 * ORGANIZER, is validated here and is audited in its transaction. Template sets are
 * {@link CampaignTemplates}' job and the toolkit {@link CampaignToolkit}'s.
 */
@Service
@Transactional(readOnly = true)
public class CampaignService {

    private static final String ENTITY = "Campaign";

    private static final String EDITORS = "hasAnyRole('ADMIN', 'ORGANIZER')";

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final CampaignRepository campaigns;

    private final BillService bills;

    private final AuditLog audit;

    CampaignService(CampaignRepository campaigns, BillService bills, AuditLog audit) {
        this.campaigns = campaigns;
        this.bills = bills;
        this.audit = audit;
    }

    public List<Campaign> liveCampaigns() {
        return campaigns.findByStatusOrderByCreatedAtDesc(CampaignStatus.LIVE);
    }

    /** A campaign the public may see: live or closed, never a draft. */
    public Optional<Campaign> findPublic(String slug) {
        return campaigns.findBySlug(slug).filter(c -> c.getStatus() != CampaignStatus.DRAFT);
    }

    public Optional<Campaign> find(long id) {
        return campaigns.findById(id);
    }

    public List<Campaign> list() {
        return campaigns.findAll(Sort.by("title"));
    }

    public long count() {
        return campaigns.count();
    }

    /** One page of every campaign, drafts included, for the console. */
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')")
    public Page<Campaign> page(Pageable pageable) {
        return campaigns.findAll(pageable);
    }

    /** The campaign's bills, the most advanced first. */
    public List<Bill> bills(Campaign campaign) {
        return bills.findAll(campaign.getBillIds())
            .stream()
            .sorted(Comparator.comparing((Bill b) -> b.getStage().ordinal()).reversed().thenComparing(Bill::getId))
            .toList();
    }

    /** The stage that decides the campaign's call to action: its most advanced bill's. */
    public BillStage currentStage(Campaign campaign) {
        return Campaign.currentStage(bills(campaign));
    }

    public Optional<TemplateSet> currentTemplates(Campaign campaign) {
        return campaign.currentTemplates(bills(campaign));
    }

    /**
     * The bioguide ids of the members who backed the campaign's bills (sponsors,
     * cosponsors, recorded cosponsors).
     */
    public Set<String> backers(Campaign campaign) {
        return bills.backers(campaign.getBillIds());
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Campaign create(CampaignDetails details) {
        return create(details, CampaignSections.GENERAL);
    }

    /** Creates a campaign with its page sections (headings in English and Spanish). */
    @Transactional
    @PreAuthorize(EDITORS)
    public Campaign create(CampaignDetails details, CampaignSections sections) {
        return create(details, sections, null);
    }

    /**
     * Creates a campaign; with {@code text}, its explainer and why-it-matters come from
     * that Markdown instead of the HTML in {@code details}.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public Campaign create(CampaignDetails details, CampaignSections sections, @Nullable CampaignText text) {
        validate(details, null);
        validate(sections);
        validate(text);
        Campaign campaign = new Campaign(details.slug(), details.title().strip(), details.explainerHtml());
        apply(campaign, details);
        campaign.arrangeSections(sections);
        if (text != null) {
            campaign.write(text);
        }
        campaign = campaigns.saveAndFlush(campaign);
        campaign.replaceBills(details.billIds());
        audit.record("campaign.create", ENTITY, campaign.getId(), null, snapshot(campaign));
        return campaign;
    }

    /**
     * Saves the editor's fields. {@code expectedVersion} is the version the editor
     * loaded: if someone else saved in between, nothing is written and the editor is told
     * to reload.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public Campaign update(long campaignId, long expectedVersion, CampaignDetails details) {
        return update(campaignId, expectedVersion, details, get(campaignId).getSections());
    }

    /** Saves the editor's fields and the page sections, with the same version check. */
    @Transactional
    @PreAuthorize(EDITORS)
    public Campaign update(long campaignId, long expectedVersion, CampaignDetails details, CampaignSections sections) {
        return update(campaignId, expectedVersion, details, sections, null);
    }

    /**
     * As above; with {@code text}, the explainer and why-it-matters come from that
     * Markdown.
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public Campaign update(long campaignId, long expectedVersion, CampaignDetails details, CampaignSections sections,
            @Nullable CampaignText text) {
        Campaign campaign = get(campaignId);
        if (campaign.getVersion() != expectedVersion) {
            throw new InvalidCampaignException(
                    "Someone else saved this campaign while you were editing it. " + "Reload it to see their changes.");
        }
        validate(details, campaignId);
        validate(sections);
        validate(text);
        Map<String, Object> before = snapshot(campaign);
        apply(campaign, details);
        campaign.arrangeSections(sections);
        if (text != null) {
            campaign.write(text);
        }
        campaign.replaceBills(details.billIds());
        audit.record("campaign.update", ENTITY, campaignId, before, snapshot(campaign));
        return campaign;
    }

    private void validate(CampaignDetails details, @Nullable Long self) {
        if (!SLUG.matcher(details.slug()).matches() || details.slug().length() > 80) {
            throw new InvalidCampaignException("The web address name may use lower-case letters, digits and single "
                    + "hyphens between words (at most 80 characters), e.g. \"survivor-relief\".");
        }
        campaigns.findBySlug(details.slug()).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new InvalidCampaignException(
                    "Another campaign already uses the web address \"" + details.slug() + "\".");
        });
        if (details.title().isBlank()) {
            throw new InvalidCampaignException("Enter a title.");
        }
        if (details.explainerHtml().isBlank()) {
            throw new InvalidCampaignException("Enter an explainer.");
        }
        if (details.goal() != null && details.goal() <= 0) {
            throw new InvalidCampaignException("The goal must be a positive number of actions, or empty.");
        }
        if (!details.targetHouse() && !details.targetSenate()) {
            throw new InvalidCampaignException("Target at least one chamber.");
        }
        if (details.targetMode() == TargetMode.SPECIFIC && details.specificTargets().isEmpty()) {
            throw new InvalidCampaignException("Pick at least one member to target, or choose another target mode.");
        }
        if (details.status() == CampaignStatus.LIVE && details.billIds().isEmpty()) {
            throw new InvalidCampaignException("Link at least one bill before making the campaign live.");
        }
        if (!details.letterEnabled() && !details.callEnabled() && !details.meetingEnabled()
                && details.status() == CampaignStatus.LIVE) {
            throw new InvalidCampaignException("A live campaign needs at least one enabled action.");
        }
        int position = 0;
        for (KeyFact fact : details.keyFacts()) {
            position++;
            if (fact.statement().isBlank() || fact.sourceName().isBlank()) {
                throw new InvalidCampaignException("Every key fact needs a statement and a source.");
            }
            if (fact.sourceUrl() != null && !fact.sourceUrl().isBlank()
                    && !WebLinks.isWebLink(fact.sourceUrl().strip())) {
                throw new InvalidCampaignException("The source link of key fact " + position + " (\""
                        + abbreviated(fact.statement()) + "\") " + WebLinks.RULE + ".");
            }
            if (fact.sourceUrl() != null && fact.sourceUrl().strip().length() > 500) {
                throw new InvalidCampaignException(
                        "The source link of key fact " + position + " must be at most 500 characters.");
            }
        }
    }

    private static void validate(@Nullable CampaignText text) {
        if (text != null && text.explainerMarkdown().isBlank()) {
            throw new InvalidCampaignException("Enter an explainer.");
        }
    }

    private static void validate(CampaignSections sections) {
        CampaignSections clean = sections.normalised();
        checkPair("why it matters", clean.whyHeading(), clean.whyHeadingEs());
        checkPair("stories", clean.storiesHeading(), clean.storiesHeadingEs());
    }

    private static void checkPair(String section, @Nullable String english, @Nullable String spanish) {
        if ((english == null) != (spanish == null)) {
            throw new InvalidCampaignException("Give the \"" + section + "\" heading in both English and Spanish, "
                    + "or leave both empty to use the general heading.");
        }
        for (String heading : new String[] { english, spanish }) {
            if (heading != null && heading.length() > CampaignSections.MAX_HEADING) {
                throw new InvalidCampaignException("The \"" + section + "\" headings must be at most "
                        + CampaignSections.MAX_HEADING + " characters.");
            }
        }
    }

    private static String abbreviated(String text) {
        String line = text.strip();
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }

    private static void apply(Campaign campaign, CampaignDetails details) {
        if (!campaign.getSlug().equals(details.slug())) {
            campaign.changeSlug(details.slug());
        }
        campaign.describe(details.title().strip(), blankToNull(details.tagline()), details.explainerHtml(),
                blankToNull(details.whyItMattersHtml()));
        campaign.setStatus(details.status());
        campaign.setGoal(details.goal());
        campaign.enableActions(details.letterEnabled(), details.callEnabled(), details.meetingEnabled());
        campaign.target(details.targetHouse(), details.targetSenate(), details.targetMode(),
                details.targetMode() == TargetMode.SPECIFIC ? details.specificTargets() : Set.of());
        campaign.replaceKeyFacts(details.keyFacts());
    }

    private Campaign get(long campaignId) {
        return campaigns.findById(campaignId)
            .orElseThrow(() -> new InvalidCampaignException("This campaign no longer exists."));
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Map<String, Object> snapshot(Campaign campaign) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("slug", campaign.getSlug());
        state.put("title", campaign.getTitle());
        state.put("tagline", campaign.getTagline());
        state.put("explainer", campaign.getExplainer());
        state.put("whyItMatters", campaign.getWhyItMatters());
        state.put("explainerMarkdown", campaign.getExplainerMarkdown());
        state.put("status", campaign.getStatus().name());
        state.put("goal", campaign.getGoal());
        state.put("enabledActions", campaign.getEnabledActions().stream().map(Enum::name).toList());
        state.put("targetHouse", campaign.isTargetHouse());
        state.put("targetSenate", campaign.isTargetSenate());
        state.put("targetMode", campaign.getTargetMode().name());
        state.put("specificTargets", new TreeSet<>(campaign.getSpecificTargets()));
        state.put("billIds", new TreeSet<>(campaign.getBillIds()));
        state.put("sections", campaign.getSections().toString());
        state.put("keyFacts",
                campaign.getKeyFacts().stream().map(f -> f.statement() + " (" + f.sourceName() + ")").toList());
        return state;
    }

    /** A campaign change was refused; the message is fit to show to staff. */
    public static class InvalidCampaignException extends IllegalArgumentException {

        public InvalidCampaignException(String message) {
            super(message);
        }

    }

}
