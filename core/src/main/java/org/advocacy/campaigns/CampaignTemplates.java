package org.advocacy.campaigns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillStage;
import org.advocacy.campaigns.CampaignService.InvalidCampaignException;
import org.advocacy.campaigns.internal.CampaignRepository;
import org.advocacy.legislators.Legislator;
import org.advocacy.staff.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's template sets, one per bill stage: the letter, call script and meeting
 * request with their placeholders. Changes need ADMIN or ORGANIZER, are validated here
 * and are audited; the preview fills a set in for one legislator and supporter as the
 * public site will.
 */
@Service
@Transactional(readOnly = true)
public class CampaignTemplates {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'ORGANIZER')";

    private static final String ENTITY = "Campaign";

    private final CampaignRepository repository;

    private final CampaignService campaigns;

    private final AuditLog audit;

    CampaignTemplates(CampaignRepository repository, CampaignService campaigns, AuditLog audit) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Campaign put(long campaignId, BillStage stage, TemplateSet templates) {
        Campaign campaign = get(campaignId);
        validate(templates);
        Map<String, Object> before = snapshot(campaign, stage);
        campaign.putTemplateSet(stage, templates);
        audit.record("campaign.templates.put", ENTITY, campaignId, before, snapshot(campaign, stage));
        return campaign;
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Campaign remove(long campaignId, BillStage stage) {
        Campaign campaign = get(campaignId);
        Map<String, Object> before = snapshot(campaign, stage);
        campaign.removeTemplateSet(stage);
        audit.record("campaign.templates.remove", ENTITY, campaignId, before, snapshot(campaign, stage));
        return campaign;
    }

    /**
     * The values for every documented placeholder, for one legislator and one supporter.
     * After enactment {{legislator.thanks}} thanks the bill's backers and asks the others
     * to back implementation.
     */
    public Map<String, String> placeholderValues(Campaign campaign, Legislator legislator, SampleSupporter supporter) {
        Bill lead = campaigns.bills(campaign).stream().findFirst().orElse(null);
        return TemplatePlaceholders.values(campaign, lead,
                campaigns.backers(campaign).contains(legislator.getBioguideId()), legislator, supporter);
    }

    /**
     * A template set filled for one legislator and supporter, for the editor's live
     * preview.
     */
    public TemplateSet preview(Campaign campaign, TemplateSet templates, Legislator legislator,
            SampleSupporter supporter) {
        Map<String, String> values = placeholderValues(campaign, legislator, supporter);
        return new TemplateSet(TemplatePlaceholders.fill(templates.callToAction(), values),
                TemplatePlaceholders.fill(templates.letterSubject(), values),
                TemplatePlaceholders.fill(templates.letterTemplate(), values),
                TemplatePlaceholders.fill(templates.callScript(), values),
                TemplatePlaceholders.fill(templates.meetingTemplate(), values));
    }

    private Campaign get(long campaignId) {
        return repository.findById(campaignId)
            .orElseThrow(() -> new InvalidCampaignException("This campaign no longer exists."));
    }

    private static void validate(TemplateSet templates) {
        if (templates.callToAction().isBlank() || templates.letterSubject().isBlank()
                || templates.letterTemplate().isBlank() || templates.callScript().isBlank()
                || templates.meetingTemplate().isBlank()) {
            throw new InvalidCampaignException(
                    "Fill in the call to action, the letter subject and all three templates.");
        }
        if (templates.letterSubject().length() > 200) {
            throw new InvalidCampaignException("The letter subject must be at most 200 characters.");
        }
        if (templates.callToAction().length() > 1000) {
            throw new InvalidCampaignException("The call to action must be at most 1000 characters.");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("call to action", templates.callToAction());
        parts.put("letter subject", templates.letterSubject());
        parts.put("letter", templates.letterTemplate());
        parts.put("call script", templates.callScript());
        parts.put("meeting request", templates.meetingTemplate());
        List<String> problems = parts.entrySet()
            .stream()
            .filter(part -> !TemplatePlaceholders.unknown(part.getValue()).isEmpty())
            .map(part -> "the " + part.getKey() + " uses "
                    + TemplatePlaceholders.listed(TemplatePlaceholders.unknown(part.getValue())))
            .toList();
        if (!problems.isEmpty()) {
            throw new InvalidCampaignException("Unknown placeholder: " + String.join("; ", problems)
                    + ". Use only these placeholders: "
                    + TemplatePlaceholders.listed(TemplatePlaceholders.DOCUMENTED.keySet()) + ". Nothing was saved.");
        }
    }

    private static Map<String, Object> snapshot(Campaign campaign, BillStage stage) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("stage", stage.name());
        TemplateSet set = campaign.getTemplateSets().get(stage);
        if (set != null) {
            state.put("callToAction", set.callToAction());
            state.put("letterSubject", set.letterSubject());
            state.put("letterTemplate", set.letterTemplate());
            state.put("callScript", set.callScript());
            state.put("meetingTemplate", set.meetingTemplate());
        }
        return state;
    }

}
