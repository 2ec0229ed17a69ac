package org.advocacy.legislators.internal;

import java.util.Collection;
import java.util.List;

import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.Legislator;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface LegislatorRepository extends JpaRepository<Legislator, String>, JpaSpecificationExecutor<Legislator> {

    @EntityGraph(attributePaths = "offices")
    List<Legislator> findByStateAndChamberAndInOfficeTrue(String state, Chamber chamber);

    @EntityGraph(attributePaths = "offices")
    List<Legislator> findByStateAndChamberAndDistrictAndInOfficeTrue(String state, Chamber chamber, int district);

    @EntityGraph(attributePaths = "offices")
    List<Legislator> findByBioguideIdIn(Collection<String> bioguideIds);

    long countByInOfficeTrue();

    long countByChamberAndInOfficeTrue(Chamber chamber);

}
