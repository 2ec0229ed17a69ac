package org.advocacy.admin.reminders.ui;

import java.util.function.Function;
import java.util.function.LongFunction;
import org.advocacy.bills.Bill;
import org.advocacy.campaigns.Campaign;
import org.advocacy.legislators.UsState;
import org.advocacy.reminders.Audience;
import org.advocacy.reminders.AudienceRule;
import org.advocacy.reminders.Reminder;
import org.advocacy.reminders.ReminderDraft;
import org.advocacy.supporters.ActionType;
import org.jspecify.annotations.Nullable;

/**
 * The composer's form bean, bound with a Binder; turned into a {@link ReminderDraft} for
 * the service.
 */
class ReminderForm {

    private String subject = "";

    private String bodyHtml = "";

    private String bodyText = "";

    private AudienceRule rule = AudienceRule.ALL;

    private @Nullable Campaign campaign;

    private @Nullable UsState state;

    private @Nullable Integer district;

    private @Nullable ActionType tookAction;

    private @Nullable ActionType notAction;

    private @Nullable Bill bill;

    static ReminderForm of(Reminder reminder, LongFunction<@Nullable Campaign> campaigns,
            Function<String, @Nullable UsState> states, LongFunction<@Nullable Bill> bills) {
        ReminderForm form = new ReminderForm();
        Audience audience = reminder.audience();
        form.subject = reminder.getSubject();
        form.bodyHtml = reminder.getBodyHtml();
        form.bodyText = reminder.getBodyText();
        form.rule = audience.rule();
        form.campaign = audience.campaignId() == null ? null : campaigns.apply(audience.campaignId());
        form.state = audience.state() == null ? null : states.apply(audience.state());
        form.district = audience.district();
        form.tookAction = audience.tookAction();
        form.notAction = audience.notAction();
        form.bill = audience.billId() == null ? null : bills.apply(audience.billId());
        return form;
    }

    /**
     * The audience the form describes; throws InvalidReminderException when a rule lacks
     * what it needs.
     */
    Audience audience() {
        boolean campaignScoped = rule == AudienceRule.CAMPAIGN || rule == AudienceRule.SIGNED_UP_NO_ACTION
                || rule == AudienceRule.TOOK_ACTION_NOT_OTHER;
        boolean byState = rule == AudienceRule.STATE;
        return new Audience(rule, campaignScoped && campaign != null ? campaign.getId() : null,
                byState && state != null ? state.getCode() : null, byState ? district : null,
                rule == AudienceRule.TOOK_ACTION_NOT_OTHER ? tookAction : null,
                rule == AudienceRule.TOOK_ACTION_NOT_OTHER ? notAction : null,
                rule == AudienceRule.SENATORS_NOT_COSPONSORS && bill != null ? bill.getId() : null);
    }

    ReminderDraft draft() {
        return new ReminderDraft(subject, bodyHtml, bodyText, audience());
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public void setBodyHtml(String bodyHtml) {
        this.bodyHtml = bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    public void setBodyText(String bodyText) {
        this.bodyText = bodyText;
    }

    public AudienceRule getRule() {
        return rule;
    }

    public void setRule(AudienceRule rule) {
        this.rule = rule;
    }

    public @Nullable Campaign getCampaign() {
        return campaign;
    }

    public void setCampaign(@Nullable Campaign campaign) {
        this.campaign = campaign;
    }

    public @Nullable UsState getState() {
        return state;
    }

    public void setState(@Nullable UsState state) {
        this.state = state;
    }

    public @Nullable Integer getDistrict() {
        return district;
    }

    public void setDistrict(@Nullable Integer district) {
        this.district = district;
    }

    public @Nullable ActionType getTookAction() {
        return tookAction;
    }

    public void setTookAction(@Nullable ActionType tookAction) {
        this.tookAction = tookAction;
    }

    public @Nullable ActionType getNotAction() {
        return notAction;
    }

    public void setNotAction(@Nullable ActionType notAction) {
        this.notAction = notAction;
    }

    public @Nullable Bill getBill() {
        return bill;
    }

    public void setBill(@Nullable Bill bill) {
        this.bill = bill;
    }

}
