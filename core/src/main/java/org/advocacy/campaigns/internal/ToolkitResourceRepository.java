package org.advocacy.campaigns.internal;

import java.util.List;

import org.advocacy.campaigns.ToolkitResource;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ToolkitResourceRepository extends JpaRepository<ToolkitResource, Long> {

    List<ToolkitResource> findByCampaignIdOrderByPosition(Long campaignId);

}
