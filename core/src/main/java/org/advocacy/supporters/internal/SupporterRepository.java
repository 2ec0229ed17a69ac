package org.advocacy.supporters.internal;

import java.util.Optional;

import org.advocacy.supporters.Supporter;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupporterRepository extends JpaRepository<Supporter, Long> {

    /**
     * The supporter who holds this address; never the row of an unconfirmed visit that
     * gave it.
     */
    @Query("select s from Supporter s where lower(s.email) = lower(:email) and s.claimsSupporterId is null")
    Optional<Supporter> findByEmailIgnoreCase(String email);

    Optional<Supporter> findByClaimTokenHash(String tokenHash);

    Optional<Supporter> findByConfirmationToken(String token);

    Optional<Supporter> findByUnsubscribeToken(String token);

    /**
     * Supporters, leaving out unconfirmed visits that gave someone else's address (they
     * are not yet anyone).
     */
    long countByClaimsSupporterIdIsNull();

}
