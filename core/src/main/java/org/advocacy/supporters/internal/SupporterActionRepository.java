package org.advocacy.supporters.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.advocacy.supporters.SupporterAction;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SupporterActionRepository extends JpaRepository<SupporterAction, Long> {

    long countByCampaignId(Long campaignId);

    Optional<SupporterAction> findByIdempotencyKey(String idempotencyKey);

    /** Inserts unless the key was recorded before (a double submit); returns the rows inserted, 0 or 1. */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into supporter_action (supporter_id, campaign_id, action_type, bioguide_id, delivery_method,
                                          outcome, state, district, occurred_at, idempotency_key)
            values (cast(:supporterId as bigint), :campaignId, :type, cast(:bioguideId as varchar),
                    cast(:deliveryMethod as varchar), cast(:outcome as varchar), cast(:state as varchar),
                    cast(:district as integer), :occurredAt, :idempotencyKey)
            on conflict (idempotency_key) do nothing""")
    int insertOnce(@Nullable Long supporterId, long campaignId, String type, @Nullable String bioguideId,
                   @Nullable String deliveryMethod, @Nullable String outcome, @Nullable String state,
                   @Nullable Integer district, Instant occurredAt, String idempotencyKey);

    @Query("select a.type, count(a) from SupporterAction a where a.campaignId = :campaignId group by a.type")
    List<Object[]> countByType(long campaignId);
}
