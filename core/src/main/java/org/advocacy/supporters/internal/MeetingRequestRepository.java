package org.advocacy.supporters.internal;

import org.advocacy.supporters.MeetingRequest;
import org.advocacy.supporters.MeetingStatus;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MeetingRequestRepository extends JpaRepository<MeetingRequest, Long> {

    long countByStatus(MeetingStatus status);

}
