package org.advocacy.campaigns;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillStage;
import org.advocacy.campaigns.internal.CampaignRepository;
import org.advocacy.campaigns.internal.ToolkitResourceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class CampaignService {

    private final CampaignRepository campaigns;
    private final ToolkitResourceRepository toolkit;
    private final BillService bills;

    CampaignService(CampaignRepository campaigns, ToolkitResourceRepository toolkit, BillService bills) {
        this.campaigns = campaigns;
        this.toolkit = toolkit;
        this.bills = bills;
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
        return campaigns.findAll(org.springframework.data.domain.Sort.by("title"));
    }

    public long count() {
        return campaigns.count();
    }

    /** The campaign's bills, the most advanced first. */
    public List<Bill> bills(Campaign campaign) {
        return bills.findAll(campaign.getBillIds()).stream()
                .sorted(Comparator.comparing((Bill b) -> b.getStage().ordinal()).reversed()
                        .thenComparing(Bill::getId))
                .toList();
    }

    /** The stage that decides the campaign's call to action: its most advanced bill's. */
    public BillStage currentStage(Campaign campaign) {
        return bills(campaign).stream().findFirst().map(Bill::getStage).orElse(BillStage.INTRODUCED);
    }

    public Optional<TemplateSet> currentTemplates(Campaign campaign) {
        return campaign.templatesFor(currentStage(campaign));
    }

    public List<ToolkitResource> toolkit(Campaign campaign) {
        return toolkit.findByCampaignIdOrderByPosition(campaign.getId());
    }
}
