package org.advocacy.bills;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.advocacy.legislators.Chamber;
import org.jspecify.annotations.Nullable;

/**
 * What the official Bill Status record says about a bill, already mapped to the
 * platform's terms: titles, plain-text summary, sponsor, current cosponsors (withdrawn
 * ones left out) and the meaningful actions, each with the stage the bill reached by
 * then.
 */
public record OfficialBillRecord(int congress, BillType type, int number, String shortTitle,
        @Nullable String officialTitle, @Nullable String summary, @Nullable Member sponsor, List<Cosponsor> cosponsors,
        List<Action> actions, @Nullable String publicLaw) {

    public OfficialBillRecord {
        cosponsors = List.copyOf(cosponsors);
        actions = List.copyOf(actions);
    }

    /** A member as the record names them. */
    public record Member(String bioguideId, @Nullable String name) {
    }

    /** One meaningful action: a dated entry of the status history. */
    public record Action(LocalDate occurredOn, @Nullable Chamber chamber, String description, BillStage stage) {
    }

    /**
     * The stage of the latest action (the same rule as {@link Bill}'s), or INTRODUCED
     * when there is none.
     */
    public BillStage stage() {
        return actions.stream()
            .max(Comparator.comparing(Action::occurredOn).thenComparing(a -> a.stage().ordinal()))
            .map(Action::stage)
            .orElse(BillStage.INTRODUCED);
    }

    /** The date the bill reached its current stage. */
    public Optional<LocalDate> stageReachedOn() {
        BillStage stage = stage();
        return actions.stream().filter(a -> a.stage() == stage).map(Action::occurredOn).findFirst();
    }

    /** "H.R. 4323 (119th Congress)". */
    public String designation() {
        return type.abbreviation() + " " + number + " (" + congress + "th Congress)";
    }
}
