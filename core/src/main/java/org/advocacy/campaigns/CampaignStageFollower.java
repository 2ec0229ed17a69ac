package org.advocacy.campaigns;

import java.util.LinkedHashMap;
import java.util.Map;

import org.advocacy.bills.BillStageChanged;
import org.advocacy.campaigns.internal.CampaignRepository;
import org.advocacy.staff.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a bill moves to a new stage, every campaign on it now shows the template set for
 * that stage (see {@link Campaign#templatesFor}); this records the switch of call to
 * action in the audit trail, in the same transaction as the stage change.
 */
@Component
class CampaignStageFollower {

    private final CampaignRepository campaigns;

    private final CampaignService service;

    private final AuditLog audit;

    CampaignStageFollower(CampaignRepository campaigns, CampaignService service, AuditLog audit) {
        this.campaigns = campaigns;
        this.service = service;
        this.audit = audit;
    }

    @EventListener
    void on(BillStageChanged change) {
        for (Campaign campaign : campaigns.findByBill(change.billId())) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("billId", change.billId());
            after.put("billStage", change.to().name());
            after.put("campaignStage", service.currentStage(campaign).name());
            after.put("callToAction", service.currentTemplates(campaign).map(TemplateSet::callToAction).orElse(null));
            audit.record("campaign.stage", "Campaign", campaign.getId(), Map.of("billStage", change.from().name()),
                    after);
        }
    }

}
