package org.advocacy.campaigns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.campaigns.CampaignService.InvalidCampaignException;
import org.advocacy.campaigns.internal.CampaignRepository;
import org.advocacy.campaigns.internal.ToolkitResourceRepository;
import org.advocacy.shared.WebLinks;
import org.advocacy.staff.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's toolkit: guides, talking points and links for supporters. The public site
 * reads it; every change needs ADMIN or ORGANIZER, is validated here and is audited in
 * its transaction.
 */
@Service
@Transactional(readOnly = true)
public class CampaignToolkit {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'ORGANIZER')";

    private static final String ENTITY = "ToolkitResource";

    private final ToolkitResourceRepository toolkit;

    private final CampaignRepository campaigns;

    private final AuditLog audit;

    CampaignToolkit(ToolkitResourceRepository toolkit, CampaignRepository campaigns, AuditLog audit) {
        this.toolkit = toolkit;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    /** The campaign's toolkit in the order staff arranged it. */
    public List<ToolkitResource> resources(Campaign campaign) {
        return toolkit.findByCampaignIdOrderByPosition(campaign.getId());
    }

    /** Adds a toolkit entry at the end of the campaign's toolkit. */
    @Transactional
    @PreAuthorize(EDITORS)
    public ToolkitResource add(long campaignId, ToolkitKind kind, String title, String description,
            @Nullable String body, @Nullable String url) {
        if (!campaigns.existsById(campaignId)) {
            throw new InvalidCampaignException("This campaign no longer exists.");
        }
        validate(title, description, url);
        int position = toolkit.findByCampaignIdOrderByPosition(campaignId)
            .stream()
            .mapToInt(ToolkitResource::getPosition)
            .max()
            .orElse(-1) + 1;
        ToolkitResource resource = toolkit.save(new ToolkitResource(campaignId, position, kind, title.strip(),
                description.strip(), CampaignService.blankToNull(body), CampaignService.blankToNull(url)));
        audit.record("toolkit.create", ENTITY, resource.getId(), null, snapshot(resource));
        return resource;
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public ToolkitResource update(long resourceId, ToolkitKind kind, String title, String description,
            @Nullable String body, @Nullable String url) {
        ToolkitResource resource = toolkit.findById(resourceId)
            .orElseThrow(() -> new InvalidCampaignException("This toolkit entry no longer exists."));
        validate(title, description, url);
        Map<String, Object> before = snapshot(resource);
        resource.edit(resource.getPosition(), kind, title.strip(), description.strip(),
                CampaignService.blankToNull(body), CampaignService.blankToNull(url));
        audit.record("toolkit.update", ENTITY, resourceId, before, snapshot(resource));
        return resource;
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public void remove(long resourceId) {
        toolkit.findById(resourceId).ifPresent(resource -> {
            Map<String, Object> before = snapshot(resource);
            toolkit.delete(resource);
            audit.record("toolkit.delete", ENTITY, resourceId, before, null);
        });
    }

    private static void validate(String title, String description, @Nullable String url) {
        if (title.isBlank() || description.isBlank()) {
            throw new InvalidCampaignException("A toolkit entry needs a title and a description.");
        }
        if (url != null && !url.isBlank() && !WebLinks.isWebLink(url.strip())) {
            throw new InvalidCampaignException("The link " + WebLinks.RULE + ".");
        }
        if (url != null && url.strip().length() > 500) {
            throw new InvalidCampaignException("The link must be at most 500 characters.");
        }
    }

    private static Map<String, Object> snapshot(ToolkitResource resource) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("campaignId", resource.getCampaignId());
        state.put("position", resource.getPosition());
        state.put("kind", resource.getKind().name());
        state.put("title", resource.getTitle());
        state.put("description", resource.getDescription());
        state.put("body", resource.getBody());
        state.put("url", resource.getUrl());
        return state;
    }

}
