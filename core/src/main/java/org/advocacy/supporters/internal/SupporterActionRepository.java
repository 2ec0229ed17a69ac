package org.advocacy.supporters.internal;

import java.util.List;

import org.advocacy.supporters.SupporterAction;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupporterActionRepository extends JpaRepository<SupporterAction, Long> {

    long countByCampaignId(Long campaignId);

    @Query("select a.type, count(a) from SupporterAction a where a.campaignId = :campaignId group by a.type")
    List<Object[]> countByType(long campaignId);

}
