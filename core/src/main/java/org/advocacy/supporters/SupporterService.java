package org.advocacy.supporters;

import org.advocacy.supporters.internal.MeetingRequestRepository;
import org.advocacy.supporters.internal.SupporterActionRepository;
import org.advocacy.supporters.internal.SupporterRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class SupporterService {

    private final SupporterRepository supporters;
    private final SupporterActionRepository actions;
    private final MeetingRequestRepository meetings;

    SupporterService(SupporterRepository supporters, SupporterActionRepository actions, MeetingRequestRepository meetings) {
        this.supporters = supporters;
        this.actions = actions;
        this.meetings = meetings;
    }

    public long countSupporters() {
        return supporters.count();
    }

    public long countActions() {
        return actions.count();
    }

    public long countActions(long campaignId) {
        return actions.countByCampaignId(campaignId);
    }

    public long countOpenMeetingRequests() {
        return meetings.countByStatus(MeetingStatus.REQUESTED);
    }
}
