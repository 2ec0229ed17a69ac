package org.advocacy.bills.internal;

import java.util.Collection;
import java.util.List;

import org.advocacy.bills.LegislatorStance;
import org.advocacy.bills.Stance;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LegislatorStanceRepository extends JpaRepository<LegislatorStance, LegislatorStance.Key> {

    @Query("select s from LegislatorStance s where s.key.billId = :billId order by s.key.bioguideId")
    List<LegislatorStance> findByBill(long billId);

    @Query("select s from LegislatorStance s where s.key.bioguideId = :bioguideId order by s.key.billId")
    List<LegislatorStance> findByLegislator(String bioguideId);

    @Query("select s.key.bioguideId from LegislatorStance s where s.key.billId in :billIds and s.stance in :stances")
    List<String> findBioguideIds(Collection<Long> billIds, Collection<Stance> stances);

}
