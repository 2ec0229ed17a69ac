package org.advocacy.supporters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding supporters in the console: the filtered, paged list and one supporter's
 * history. Every staff role may read it; exports and erasure live in
 * {@link SupporterExport} and {@link SupporterErasure}.
 */
@Service
@Transactional(readOnly = true)
public class SupporterSearch {

    private static final String READERS = "hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')";

    private final EntityManager entityManager;

    SupporterSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Email-consent states staff filter on. */
    public enum ConsentState {

        /** Confirmed and not unsubscribed: we may email them. */
        SUBSCRIBED,
        /** Asked for updates, has not confirmed yet. */
        AWAITING_CONFIRMATION,
        /** Never asked, or unsubscribed. */
        NOT_SUBSCRIBED

    }

    /** Filters for the supporter grid and the CSV export; every part is optional. */
    public record Filter(@Nullable String text, @Nullable Long campaignId, @Nullable String state,
            @Nullable Integer district, @Nullable ActionType actionType, @Nullable ConsentState consent) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null);

    }

    @PreAuthorize(READERS)
    public List<Supporter> search(Filter filter, int offset, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Supporter> query = cb.createQuery(Supporter.class);
        Root<Supporter> root = query.from(Supporter.class);
        query.where(predicates(filter, cb, query, root))
            .orderBy(cb.desc(root.get("createdAt")), cb.desc(root.get("id")));
        return entityManager.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @PreAuthorize(READERS)
    public long count(Filter filter) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Supporter> root = query.from(Supporter.class);
        query.select(cb.count(root)).where(predicates(filter, cb, query, root));
        return entityManager.createQuery(query).getSingleResult();
    }

    @PreAuthorize(READERS)
    public Optional<Supporter> find(long supporterId) {
        return Optional.ofNullable(entityManager.find(Supporter.class, supporterId));
    }

    /** A supporter's actions, latest first. */
    @PreAuthorize(READERS)
    public List<SupporterAction> actions(long supporterId) {
        return entityManager
            .createQuery("select a from SupporterAction a where a.supporterId = :id "
                    + "order by a.occurredAt desc, a.id desc", SupporterAction.class)
            .setParameter("id", supporterId)
            .getResultList();
    }

    @PreAuthorize(READERS)
    public List<MeetingRequest> meetingRequests(long supporterId) {
        return entityManager
            .createQuery("select m from MeetingRequest m where m.supporterId = :id " + "order by m.createdAt desc",
                    MeetingRequest.class)
            .setParameter("id", supporterId)
            .getResultList();
    }

    /**
     * The filter as criteria on {@code root}; the CSV export streams with the same
     * criteria.
     */
    static Predicate[] predicates(Filter filter, CriteriaBuilder cb, CriteriaQuery<?> query, Root<Supporter> root) {
        List<Predicate> predicates = new ArrayList<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            String pattern = "%" + filter.text()
                .strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_") + "%";
            predicates.add(cb.or(cb.like(cb.lower(root.get("name")), pattern, '\\'),
                    cb.like(cb.lower(root.get("email")), pattern, '\\'), cb.like(root.get("zip"), pattern, '\\')));
        }
        if (filter.state() != null && !filter.state().isBlank()) {
            predicates.add(cb.equal(root.get("state"), filter.state()));
        }
        if (filter.district() != null) {
            predicates.add(cb.equal(root.get("district"), filter.district()));
        }
        if (filter.campaignId() != null || filter.actionType() != null) {
            Subquery<Long> acted = query.subquery(Long.class);
            Root<SupporterAction> action = acted.from(SupporterAction.class);
            List<Predicate> conditions = new ArrayList<>();
            conditions.add(cb.equal(action.get("supporterId"), root.get("id")));
            if (filter.campaignId() != null) {
                conditions.add(cb.equal(action.get("campaignId"), filter.campaignId()));
            }
            if (filter.actionType() != null) {
                conditions.add(cb.equal(action.get("type"), filter.actionType()));
            }
            acted.select(action.get("id")).where(conditions.toArray(Predicate[]::new));
            predicates.add(cb.exists(acted));
        }
        if (filter.consent() != null) {
            Predicate subscribed = cb.isTrue(root.get("subscribedInDatabase"));
            Predicate awaiting = cb.and(cb.isFalse(root.get("emailConsent")),
                    cb.isNotNull(root.get("confirmationToken")));
            predicates.add(switch (filter.consent()) {
                case SUBSCRIBED -> subscribed;
                case AWAITING_CONFIRMATION -> awaiting;
                case NOT_SUBSCRIBED -> cb.and(cb.not(subscribed), cb.not(awaiting));
            });
        }
        return predicates.toArray(Predicate[]::new);
    }

    public static ConsentState consentOf(Supporter supporter) {
        if (supporter.isSubscribed()) {
            return ConsentState.SUBSCRIBED;
        }
        return !supporter.isEmailConsent() && supporter.getConfirmationToken() != null
                ? ConsentState.AWAITING_CONFIRMATION : ConsentState.NOT_SUBSCRIBED;
    }

}
