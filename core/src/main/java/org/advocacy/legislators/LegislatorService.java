package org.advocacy.legislators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import org.advocacy.legislators.internal.LegislatorRepository;
import org.advocacy.legislators.internal.UsStateRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the congressional roster. Writes go through the roster sync. */
@Service
@Transactional(readOnly = true)
public class LegislatorService {

    private static final Comparator<Legislator> BY_SEAT = Comparator.comparing(Legislator::getChamber)
        .thenComparing(l -> l.getDistrict() == null ? 0 : l.getDistrict())
        .thenComparing(Legislator::getLastName);

    private final LegislatorRepository legislators;

    private final UsStateRepository states;

    private volatile @Nullable Set<String> withoutSenators;

    LegislatorService(LegislatorRepository legislators, UsStateRepository states) {
        this.legislators = legislators;
        this.states = states;
    }

    public Optional<Legislator> find(String bioguideId) {
        return legislators.findById(bioguideId);
    }

    /** A member with their offices and party affiliations loaded, for a member page. */
    public Optional<Legislator> findWithDetails(String bioguideId) {
        // Two bags cannot be fetched in one query; both are loaded inside this
        // transaction instead.
        return legislators.findById(bioguideId).map(legislator -> {
            legislator.getOffices().size();
            legislator.getPartyAffiliations().size();
            return legislator;
        });
    }

    /**
     * Members with their offices loaded, in a stable order (House first, then Senate).
     */
    public List<Legislator> findAll(Collection<String> bioguideIds) {
        return legislators.findByBioguideIdIn(bioguideIds).stream().sorted(BY_SEAT).toList();
    }

    public List<Legislator> senators(String state) {
        return legislators.findByStateAndChamberAndInOfficeTrue(state, Chamber.SENATE)
            .stream()
            .sorted(Comparator.comparing(l -> "senior".equals(l.getStateRank()) ? 0 : 1))
            .toList();
    }

    public Optional<Legislator> representative(String state, int district) {
        return legislators.findByStateAndChamberAndDistrictAndInOfficeTrue(state, Chamber.HOUSE, district)
            .stream()
            .findFirst();
    }

    public long countSitting() {
        return legislators.countByInOfficeTrue();
    }

    public long countSitting(Chamber chamber) {
        return legislators.countByChamberAndInOfficeTrue(chamber);
    }

    public List<UsState> states() {
        return states.findAll(Sort.by("name"));
    }

    public Optional<UsState> state(String code) {
        return states.findById(code);
    }

    /**
     * Whether the state elects senators (us_state.has_senators); DC and the territories
     * do not.
     */
    public boolean hasSenators(String code) {
        Set<String> without = withoutSenators;
        if (without == null) {
            // Reference data that Flyway writes and nothing changes: read once.
            without = states.findAll()
                .stream()
                .filter(state -> !state.hasSenators())
                .map(UsState::getCode)
                .collect(Collectors.toUnmodifiableSet());
            withoutSenators = without;
        }
        return !without.contains(code);
    }

    /** One page of the roster for the console grid. */
    public Page<Legislator> search(RosterFilter filter, Pageable pageable) {
        return legislators.findAll(filter.toSpecification(), pageable);
    }

    public long count(RosterFilter filter) {
        return legislators.count(filter.toSpecification());
    }

    /** Filters for the roster grid; every part is optional. */
    public record RosterFilter(@Nullable String name, @Nullable String state, @Nullable Chamber chamber,
            @Nullable String party, @Nullable Boolean inOffice) {

        public static final RosterFilter NONE = new RosterFilter(null, null, null, null, null);

        Specification<Legislator> toSpecification() {
            return (root, query, cb) -> {
                var predicates = new ArrayList<Predicate>();
                if (name != null && !name.isBlank()) {
                    String pattern = "%" + name.trim()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                    predicates.add(cb.or(cb.like(cb.lower(root.get("lastName")), pattern, '\\'),
                            cb.like(cb.lower(root.get("firstName")), pattern, '\\'),
                            cb.like(cb.lower(root.get("officialName")), pattern, '\\'),
                            cb.like(cb.lower(root.get("bioguideId")), pattern, '\\')));
                }
                if (state != null && !state.isBlank()) {
                    predicates.add(cb.equal(root.get("state"), state));
                }
                if (chamber != null) {
                    predicates.add(cb.equal(root.get("chamber"), chamber));
                }
                if (party != null && !party.isBlank()) {
                    predicates.add(cb.equal(root.get("party"), party));
                }
                if (inOffice != null) {
                    predicates.add(cb.equal(root.get("inOffice"), inOffice));
                }
                return cb.and(predicates.toArray(Predicate[]::new));
            };
        }
    }

}
