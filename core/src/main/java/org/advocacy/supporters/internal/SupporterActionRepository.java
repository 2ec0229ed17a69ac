package org.advocacy.supporters.internal;

import org.advocacy.supporters.SupporterAction;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupporterActionRepository extends JpaRepository<SupporterAction, Long> {

    long countByCampaignId(Long campaignId);
}
