package org.advocacy.supporters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.advocacy.staff.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure on request: needs ADMIN or ORGANIZER and is audited with counts only, never the
 * supporter's personal details.
 */
@Service
public class SupporterErasure {

    private final EntityManager entityManager;

    private final AuditLog audit;

    SupporterErasure(EntityManager entityManager, AuditLog audit) {
        this.entityManager = entityManager;
        this.audit = audit;
    }

    /**
     * Erases a supporter: their meeting requests lose their personal details, the
     * supporter row is deleted and their actions stay, with no link to anyone, so they
     * still count. Unconfirmed visits that gave their address go too (the database
     * cascades the rows), and so do the details of those visits' meeting requests, which
     * carry the address.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    public void erase(long supporterId) {
        Supporter supporter = entityManager.find(Supporter.class, supporterId);
        if (supporter == null) {
            throw new IllegalArgumentException("This supporter no longer exists.");
        }
        long actionCount = entityManager
            .createQuery("select count(a) from SupporterAction a where a.supporterId = :id", Long.class)
            .setParameter("id", supporterId)
            .getSingleResult();
        List<MeetingRequest> meetings = entityManager
            .createQuery("select m from MeetingRequest m where m.supporterId = :id", MeetingRequest.class)
            .setParameter("id", supporterId)
            .getResultList();
        meetings.forEach(MeetingRequest::anonymise);
        entityManager
            .createQuery("select m from MeetingRequest m where m.supporterId in "
                    + "(select s.id from Supporter s where s.claimsSupporterId = :id)", MeetingRequest.class)
            .setParameter("id", supporterId)
            .getResultList()
            .forEach(MeetingRequest::anonymise);
        entityManager.remove(supporter);
        entityManager.flush();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("actions", actionCount);
        before.put("meetingRequests", meetings.size());
        audit.record("supporter.erase", "Supporter", supporterId, before, Map.of("erased", true));
    }

}
