package org.advocacy.bills.internal;

import java.util.Optional;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillType;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BillRepository extends JpaRepository<Bill, Long> {

    Optional<Bill> findByCongressAndTypeAndNumber(int congress, BillType type, int number);

}
