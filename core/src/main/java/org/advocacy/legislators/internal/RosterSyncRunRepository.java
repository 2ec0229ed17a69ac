package org.advocacy.legislators.internal;

import java.util.Optional;

import org.advocacy.legislators.RosterSyncRun;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RosterSyncRunRepository extends JpaRepository<RosterSyncRun, Long> {

    Optional<RosterSyncRun> findFirstByJobExecutionIdOrderByIdDesc(Long jobExecutionId);

    boolean existsByStatus(RosterSyncRun.Status status);

    /** The latest run that changed the roster: its id versions every lookup answer. */
    @Query("select coalesce(max(r.id), 0) from RosterSyncRun r where r.status = org.advocacy.legislators.RosterSyncRun.Status.SUCCEEDED and r.rowsWritten > 0")
    long latestChangingRunId();

}
