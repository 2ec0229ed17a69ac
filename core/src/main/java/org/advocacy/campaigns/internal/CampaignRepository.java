package org.advocacy.campaigns.internal;

import java.util.List;
import java.util.Optional;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {

    Optional<Campaign> findBySlug(String slug);

    List<Campaign> findByStatusOrderByCreatedAtDesc(CampaignStatus status);

    @Query("select c from Campaign c join c.billIds b where b = :billId")
    List<Campaign> findByBill(long billId);

}
