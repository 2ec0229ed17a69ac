package org.advocacy.reminders.internal;

import java.time.Instant;
import java.util.List;

import org.advocacy.reminders.Reminder;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReminderRepository extends JpaRepository<Reminder, Long> {

    @Query("select r.id from Reminder r where r.status = org.advocacy.reminders.ReminderStatus.SCHEDULED and r.scheduledAt <= ?1 order by r.scheduledAt")
    List<Long> findDue(Instant now);

}
