package org.advocacy.batch.billstatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.advocacy.bills.BillStage;
import org.advocacy.bills.OfficialBillRecord;
import org.advocacy.legislators.Chamber;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Turns a bill's actions into its status history (see docs/bills.md for the table). The
 * Library of Congress action codes (source system 9) mark the standard steps in both
 * formats; House referrals carry code H11100, Senate referrals and reports only their
 * text. Each kept action becomes an entry whose stage is where the bill stood after it;
 * duplicates (the same step from two sources on one day) are kept once.
 */
final class ActionMapper {

    /** One action as the file gives it. */
    record Action(LocalDate date, String time, @Nullable String type, @Nullable String code, @Nullable String source,
            String text) {
    }

    enum Step {

        INTRODUCED, REFERRED, REPORTED, PASSED_HOUSE, PASSED_SENATE, FAILED, PRESENTED, VETOED, VETO_ACTION, ENACTED

    }

    private static final Set<String> FAILED_CODES = Set.of("9000", "18000");

    private static final Set<String> OVERRIDE_FAILED_CODES = Set.of("33000", "35000");

    private static final int DESCRIPTION_MAX = 500;

    private ActionMapper() {
    }

    static List<Action> read(Element bill) {
        List<Action> actions = new ArrayList<>();
        BillStatusParser.child(bill, "actions")
            .ifPresent(list -> BillStatusParser.children(list, "item").forEach(item -> {
                String date = BillStatusParser.text(item, "actionDate");
                String text = BillStatusParser.text(item, "text");
                if (date == null || text == null) {
                    return;
                }
                String source = BillStatusParser.child(item, "sourceSystem")
                    .map(s -> BillStatusParser.text(s, "name"))
                    .orElse(null);
                String time = Optional.ofNullable(BillStatusParser.text(item, "actionTime")).orElse("");
                actions.add(new Action(BillStatusParser.date(date), time, BillStatusParser.text(item, "type"),
                        BillStatusParser.text(item, "actionCode"), source, text));
            }));
        return actions;
    }

    /** The status history, oldest first. */
    static List<OfficialBillRecord.Action> map(List<Action> actions) {
        List<Action> chronological = new ArrayList<>(actions);
        // The files list the newest action first; reversing keeps the real order within
        // one day.
        Collections.reverse(chronological);
        chronological.sort(Comparator.comparing(Action::date));
        State state = new State();
        Map<String, OfficialBillRecord.Action> entries = new LinkedHashMap<>();
        for (Action action : chronological) {
            Step step = step(action);
            if (step == null) {
                continue;
            }
            state.apply(step, action);
            String description = BillStatusParser.shorten(action.text(), DESCRIPTION_MAX);
            String key = action.date() + "|" + description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            Chamber chamber = chamber(step, action);
            OfficialBillRecord.Action entry = new OfficialBillRecord.Action(action.date(), chamber, description,
                    state.stage());
            OfficialBillRecord.Action earlier = entries.get(key);
            if (earlier == null) {
                entries.put(key, entry);
            }
            else if (earlier.chamber() == null && chamber != null) {
                entries.put(key, new OfficialBillRecord.Action(earlier.occurredOn(), chamber, earlier.description(),
                        earlier.stage()));
            }
        }
        return List.copyOf(entries.values());
    }

    static @Nullable Step step(Action action) {
        String code = action.code() == null ? "" : action.code();
        String text = action.text().toLowerCase(Locale.ROOT);
        String type = action.type() == null ? "" : action.type();
        boolean libraryOfCongress = action.source() != null && action.source().startsWith("Library of Congress");
        return switch (code) {
            case "1000", "10000" -> Step.INTRODUCED;
            case "H11100" -> Step.REFERRED;
            case "5000", "H12100", "H12200" -> Step.REPORTED;
            case "8000" -> Step.PASSED_HOUSE;
            case "17000" -> Step.PASSED_SENATE;
            case "28000", "E20000" -> Step.PRESENTED;
            case "31000" -> Step.VETOED;
            case "36000", "E40000", "39000" -> Step.ENACTED;
            case "E30000" -> text.startsWith("vetoed") || text.startsWith("pocket vetoed") ? Step.VETOED
                    : text.startsWith("signed by president") ? Step.ENACTED : null;
            default -> {
                if (FAILED_CODES.contains(code)) {
                    yield Step.FAILED;
                }
                if (OVERRIDE_FAILED_CODES.contains(code) || ("Veto".equals(type) && !libraryOfCongress)) {
                    yield Step.VETO_ACTION;
                }
                boolean chamberSource = action.source() != null && !libraryOfCongress;
                if (chamberSource && action.source().startsWith("Senate") && code.isEmpty()) {
                    if (("IntroReferral".equals(type) || "Bill Referrals".equals(type))
                            && text.contains("referred to")) {
                        yield Step.REFERRED;
                    }
                    if ("Committee".equals(type) && text.contains("reported by")) {
                        yield Step.REPORTED;
                    }
                }
                yield null;
            }
        };
    }

    private static @Nullable Chamber chamber(Step step, Action action) {
        if (step == Step.PRESENTED || step == Step.VETOED || step == Step.ENACTED) {
            return null;
        }
        String code = action.code() == null ? "" : action.code();
        String source = action.source() == null ? "" : action.source();
        if (source.startsWith("House") || code.equals("1000") || code.equals("8000") || code.equals("9000")
                || code.equals("33000")) {
            return Chamber.HOUSE;
        }
        if (source.startsWith("Senate") || code.equals("10000") || code.equals("17000") || code.equals("18000")
                || code.equals("35000")) {
            return Chamber.SENATE;
        }
        return null;
    }

    /** Where the bill stands after each step. */
    private static final class State {

        private boolean committee;

        private boolean house;

        private boolean senate;

        private boolean presented;

        private boolean failed;

        private boolean vetoed;

        private boolean enacted;

        void apply(Step step, Action action) {
            switch (step) {
                case INTRODUCED, VETO_ACTION -> {
                }
                case REFERRED, REPORTED -> committee = true;
                case PASSED_HOUSE -> {
                    house = true;
                    failed = false;
                }
                case PASSED_SENATE -> {
                    senate = true;
                    failed = false;
                }
                case FAILED -> failed = true;
                case PRESENTED -> presented = true;
                case VETOED -> vetoed = true;
                case ENACTED -> enacted = true;
            }
        }

        BillStage stage() {
            if (enacted) {
                return BillStage.ENACTED;
            }
            if (vetoed) {
                return BillStage.VETOED;
            }
            if (failed) {
                return BillStage.FAILED;
            }
            if (presented || house && senate) {
                return BillStage.PASSED_BOTH;
            }
            if (house) {
                return BillStage.PASSED_HOUSE;
            }
            if (senate) {
                return BillStage.PASSED_SENATE;
            }
            return committee ? BillStage.IN_COMMITTEE : BillStage.INTRODUCED;
        }

    }

}
