package org.advocacy.staff.internal;

import java.util.Optional;

import org.advocacy.staff.StaffUser;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    @Query("select u from StaffUser u where lower(u.email) = lower(:email)")
    Optional<StaffUser> findByEmailIgnoreCase(String email);

    /**
     * The security version of an enabled account: one indexed row, read on every console
     * request.
     */
    @Query("select u.securityVersion from StaffUser u where lower(u.email) = lower(:email) and u.enabled = true")
    Optional<Integer> findSecurityVersionOfEnabled(String email);

}
