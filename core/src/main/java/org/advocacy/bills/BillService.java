package org.advocacy.bills;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.advocacy.bills.internal.BillRepository;
import org.advocacy.legislators.Chamber;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class BillService {

    private final BillRepository bills;
    private final ApplicationEventPublisher events;

    BillService(BillRepository bills, ApplicationEventPublisher events) {
        this.bills = bills;
        this.events = events;
    }

    public Optional<Bill> find(long id) {
        return bills.findById(id);
    }

    public List<Bill> findAll(Collection<Long> ids) {
        return bills.findAllById(ids);
    }

    public List<Bill> list() {
        return bills.findAll(Sort.by(Sort.Direction.DESC, "congress").and(Sort.by("type", "number")));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    public Bill create(int congress, BillType type, int number, String shortTitle) {
        bills.findByCongressAndTypeAndNumber(congress, type, number).ifPresent(existing -> {
            throw new IllegalArgumentException(type.abbreviation() + " " + number + " of the " + congress
                    + "th Congress already exists");
        });
        return bills.save(new Bill(congress, type, number, shortTitle));
    }

    /** Records a status entry; when the bill's stage moves, live campaigns follow it. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
    public Bill recordStatus(long billId, LocalDate occurredOn, @Nullable Chamber chamber, String description,
                             BillStage stage) {
        Bill bill = bills.findById(billId).orElseThrow(() -> new IllegalArgumentException("No bill " + billId));
        BillStage before = bill.getStage();
        bill.recordStatus(occurredOn, chamber, description, stage);
        if (bill.getStage() != before) {
            events.publishEvent(new BillStageChanged(billId, before, bill.getStage()));
        }
        return bill;
    }
}
