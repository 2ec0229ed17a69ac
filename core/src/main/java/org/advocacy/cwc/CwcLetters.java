package org.advocacy.cwc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.advocacy.cwc.internal.OutboxStore;
import org.advocacy.legislators.Legislator;
import org.advocacy.supporters.NewAction;
import org.advocacy.supporters.SupporterService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter action's way into the outbox: records each letter's action and queues its
 * delivery row in one transaction, so a letter is counted if and only if it is queued.
 */
@Service
public class CwcLetters {

    private final CwcSettings settings;

    private final CwcOffices offices;

    private final OutboxStore store;

    private final SupporterService supporters;

    CwcLetters(CwcSettings settings, CwcOffices offices, OutboxStore store, SupporterService supporters) {
        this.settings = settings;
        this.offices = offices;
        this.store = store;
        this.supporters = supporters;
    }

    /** A letter to record and queue; the action's delivery method is CWC. */
    public record Letter(NewAction action, QueuedLetter delivery) {
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The office code to deliver to, when this member can receive CWC here. */
    public Optional<String> officeCode(Legislator legislator) {
        return offices.officeCode(legislator);
    }

    /**
     * Records and queues every letter (and, when {@code settleSeat}, the seat they were
     * written from, as {@link SupporterService#recordActions}); returns their delivery
     * row ids (the existing ones for a repeat).
     */
    @Transactional
    public List<Long> queue(Collection<Letter> letters, boolean settleSeat) {
        supporters.recordActions(letters.stream().map(Letter::action).toList(), settleSeat);
        List<Long> ids = new ArrayList<>();
        for (Letter letter : letters) {
            String key = letter.delivery().idempotencyKey();
            ids.add(store.insert(letter.delivery()).or(() -> store.idForKey(key)).orElseThrow());
        }
        return ids;
    }

    /** The current state of each delivery row, for the confirmation page. */
    @Transactional(readOnly = true)
    public Map<Long, DeliveryState> states(Collection<Long> deliveryIds) {
        return store.states(deliveryIds);
    }

}
