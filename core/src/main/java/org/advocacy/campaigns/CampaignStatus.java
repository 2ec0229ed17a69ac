package org.advocacy.campaigns;

public enum CampaignStatus {

    DRAFT, LIVE, CLOSED

}
