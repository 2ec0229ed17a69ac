package org.advocacy.supporters.internal;

import java.util.Optional;

import org.advocacy.supporters.Supporter;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupporterRepository extends JpaRepository<Supporter, Long> {

    @Query("select s from Supporter s where lower(s.email) = lower(:email)")
    Optional<Supporter> findByEmailIgnoreCase(String email);

    Optional<Supporter> findByConfirmationToken(String token);

    Optional<Supporter> findByUnsubscribeToken(String token);
}
