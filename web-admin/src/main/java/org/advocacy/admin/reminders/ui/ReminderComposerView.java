package org.advocacy.admin.reminders.ui;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Collectors;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.legislators.UsState;
import org.advocacy.reminders.AudienceRule;
import org.advocacy.reminders.InvalidReminderException;
import org.advocacy.reminders.Reminder;
import org.advocacy.reminders.ReminderRenderer;
import org.advocacy.reminders.ReminderService;
import org.advocacy.reminders.RenderedEmail;
import org.advocacy.supporters.ActionType;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/**
 * Composing a reminder: subject, HTML and text bodies with placeholders, the audience and
 * its live count, a sample rendered for a real supporter, a test sent to the signed-in
 * staff member, then schedule or send now.
 */
@Route("reminders/compose")
@PageTitle("Compose reminder · Advocacy console")
@RolesAllowed({ "ADMIN", "ORGANIZER" })
class ReminderComposerView extends VerticalLayout implements HasUrlParameter<Long> {

    private final ReminderService reminders;

    private final CampaignService campaigns;

    private final LegislatorService legislators;

    private final BillService bills;

    private final AuthenticationContext authentication;

    private final Binder<ReminderForm> binder = new Binder<>(ReminderForm.class);

    private final TextField subject = new TextField("Subject");

    private final TextArea bodyHtml = new TextArea("HTML body");

    private final TextArea bodyText = new TextArea("Plain-text body");

    private final Select<AudienceRule> rule = new Select<>();

    private final ComboBox<Campaign> campaign = new ComboBox<>("Campaign");

    private final ComboBox<UsState> state = new ComboBox<>("State");

    private final IntegerField district = new IntegerField("District (optional; 0 for at-large)");

    private final Select<ActionType> tookAction = new Select<>();

    private final Select<ActionType> notAction = new Select<>();

    private final ComboBox<Bill> bill = new ComboBox<>("Bill");

    private final Span audienceCount = new Span();

    private final Div sample = new Div();

    private final DateTimePicker scheduleAt = new DateTimePicker("Send at");

    private final Button save = new Button("Save draft");

    private final Button preview = new Button("Show sample");

    private final Button sendTest = new Button("Send a test to me");

    private final Button schedule = new Button("Schedule");

    private final Button sendNow = new Button("Send now");

    private @Nullable Reminder reminder;

    ReminderComposerView(ReminderService reminders, CampaignService campaigns, LegislatorService legislators,
            BillService bills, AuthenticationContext authentication) {
        this.reminders = reminders;
        this.campaigns = campaigns;
        this.legislators = legislators;
        this.bills = bills;
        this.authentication = authentication;
        add(new H1("Compose reminder"));

        subject.setWidthFull();
        subject.setMaxLength(200);
        bodyHtml.setWidthFull();
        bodyHtml.setMinHeight("10rem");
        bodyHtml.setHelperText(
                "Allowed: p, br, strong, em, ul, ol, li, blockquote, h3, h4 and links; anything else is removed.");
        bodyText.setWidthFull();
        bodyText.setMinHeight("8rem");
        Paragraph placeholders = new Paragraph(
                "Placeholders: "
                        + ReminderRenderer.PLACEHOLDERS.entrySet()
                            .stream()
                            .map(e -> "{{" + e.getKey() + "}} (" + e.getValue() + ")")
                            .sorted()
                            .collect(Collectors.joining("; "))
                        + ". Every email ends with the supporter's unsubscribe link.");
        placeholders.getStyle()
            .set("font-size", "var(--lumo-font-size-s)")
            .set("color", "var(--lumo-secondary-text-color)");

        rule.setLabel("Audience");
        rule.setItems(AudienceRule.values());
        rule.setItemLabelGenerator(AudienceRule::label);
        campaign.setItems(campaigns.list());
        campaign.setItemLabelGenerator(Campaign::getTitle);
        campaign.setClearButtonVisible(true);
        state.setItems(legislators.states());
        state.setItemLabelGenerator(s -> s.getCode() + " · " + s.getName());
        district.setMin(0);
        district.setMax(60);
        tookAction.setLabel("Took this action");
        tookAction.setItems(ActionType.values());
        notAction.setLabel("But not this one");
        notAction.setItems(ActionType.values());
        bill.setItems(bills.list());
        bill.setItemLabelGenerator(b -> b.getDesignation() + " · " + b.getShortTitle());

        binder.forField(subject)
            .asRequired("Enter a subject.")
            .bind(ReminderForm::getSubject, ReminderForm::setSubject);
        binder.forField(bodyHtml)
            .asRequired("Enter an HTML body.")
            .bind(ReminderForm::getBodyHtml, ReminderForm::setBodyHtml);
        binder.forField(bodyText)
            .asRequired("Enter a plain-text body: some supporters read only that.")
            .bind(ReminderForm::getBodyText, ReminderForm::setBodyText);
        binder.forField(rule).asRequired("Choose an audience.").bind(ReminderForm::getRule, ReminderForm::setRule);
        binder.bind(campaign, ReminderForm::getCampaign, ReminderForm::setCampaign);
        binder.bind(state, ReminderForm::getState, ReminderForm::setState);
        binder.bind(district, ReminderForm::getDistrict, ReminderForm::setDistrict);
        binder.bind(tookAction, ReminderForm::getTookAction, ReminderForm::setTookAction);
        binder.bind(notAction, ReminderForm::getNotAction, ReminderForm::setNotAction);
        binder.bind(bill, ReminderForm::getBill, ReminderForm::setBill);
        binder.setBean(new ReminderForm());

        FormLayout audience = new FormLayout(rule, campaign, state, district, tookAction, notAction, bill);
        rule.addValueChangeListener(e -> showAudienceFields());
        for (var field : new HasValue<?, ?>[] { rule, campaign, state, district, tookAction, notAction, bill }) {
            field.addValueChangeListener(e -> updateAudienceCount());
        }
        audienceCount.getElement().setAttribute("aria-live", "polite");
        audienceCount.setId("audience-count");
        sample.setId("sample");
        sample.setWidthFull();
        sample.getStyle().set("min-width", "0").set("overflow-wrap", "anywhere");

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveDraft());
        preview.addClickListener(e -> showSample());
        sendTest.addClickListener(e -> sendTestToMe());
        schedule.addClickListener(e -> scheduleReminder());
        sendNow.addThemeVariants(ButtonVariant.LUMO_ERROR);
        sendNow.addClickListener(e -> confirmSendNow());
        ZoneId staffZone = ConsoleFormat.current().zone();
        scheduleAt.setLabel("Send at (" + ConsoleFormat.zoneName(staffZone) + ")");
        scheduleAt.setHelperText("In your time zone; change it under My settings.");
        scheduleAt.setMin(LocalDateTime.now(staffZone));

        add(subject, bodyHtml, bodyText, placeholders, new H2("Audience"), audience, audienceCount,
                new HorizontalLayout(save, preview, sendTest), new HorizontalLayout(scheduleAt, schedule, sendNow),
                new H2("Sample"), sample);
        showAudienceFields();
        updateAudienceCount();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable Long id) {
        if (id == null) {
            return;
        }
        reminder = reminders.find(id).orElse(null);
        if (reminder == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        binder.setBean(ReminderForm.of(reminder, cid -> campaigns.find(cid).orElse(null),
                code -> legislators.state(code).orElse(null), bid -> bills.find(bid).orElse(null)));
        boolean editable = reminder.getStatus().isEditable();
        binder.setReadOnly(!editable);
        for (Button b : new Button[] { save, schedule, sendNow }) {
            b.setEnabled(editable);
        }
        showAudienceFields();
        updateAudienceCount();
    }

    private void showAudienceFields() {
        AudienceRule current = rule.getValue() == null ? AudienceRule.ALL : rule.getValue();
        campaign.setVisible(current == AudienceRule.CAMPAIGN || current == AudienceRule.SIGNED_UP_NO_ACTION
                || current == AudienceRule.TOOK_ACTION_NOT_OTHER);
        campaign
            .setLabel(current == AudienceRule.CAMPAIGN ? "Campaign" : "Campaign (optional: all campaigns when empty)");
        state.setVisible(current == AudienceRule.STATE);
        district.setVisible(current == AudienceRule.STATE);
        tookAction.setVisible(current == AudienceRule.TOOK_ACTION_NOT_OTHER);
        notAction.setVisible(current == AudienceRule.TOOK_ACTION_NOT_OTHER);
        bill.setVisible(current == AudienceRule.SENATORS_NOT_COSPONSORS);
    }

    private void updateAudienceCount() {
        try {
            long count = reminders.countAudience(binder.getBean().audience());
            audienceCount.setText(count == 1 ? "1 confirmed subscriber in this audience."
                    : count + " confirmed subscribers in this audience.");
        }
        catch (InvalidReminderException e) {
            audienceCount.setText(e.getMessage());
        }
    }

    private boolean valid() {
        if (binder.validate().isOk()) {
            return true;
        }
        error("Check the highlighted fields.");
        return false;
    }

    private @Nullable Reminder persist() {
        if (!valid()) {
            return null;
        }
        try {
            ReminderForm form = binder.getBean();
            reminder = reminder == null
                    ? reminders.create(form.draft(), authentication.getPrincipalName().orElse("unknown"))
                    : reminders.update(reminder.getId(), reminder.getVersion(), form.draft());
            return reminder;
        }
        catch (InvalidReminderException e) {
            error(e.getMessage());
            return null;
        }
    }

    private void saveDraft() {
        if (persist() != null) {
            success("Draft saved.");
            getUI().ifPresent(ui -> ui.navigate(ReminderListView.class));
        }
    }

    private void showSample() {
        if (!valid()) {
            return;
        }
        sample.removeAll();
        try {
            reminders.sample(binder.getBean().draft())
                .ifPresentOrElse(this::renderSample, () -> sample
                    .add(new Paragraph("Nobody is in this audience yet, so there is no one to show a sample for.")));
        }
        catch (InvalidReminderException e) {
            error(e.getMessage());
        }
    }

    private void renderSample(RenderedEmail email) {
        Div html = new Div(new Html("<div>" + email.html() + "</div>"));
        // Long links and unbroken lines wrap inside the box instead of running off the
        // page.
        html.getStyle()
            .set("border", "1px solid var(--lumo-contrast-20pct)")
            .set("padding", "var(--lumo-space-m)")
            .set("overflow-wrap", "anywhere")
            .set("max-width", "100%")
            .set("box-sizing", "border-box");
        Pre text = new Pre(email.text());
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("max-width", "100%");
        sample.add(new Paragraph("To: " + email.to()), new Paragraph("Subject: " + email.subject()), html, text);
    }

    private void sendTestToMe() {
        if (!valid()) {
            return;
        }
        String me = authentication.getPrincipalName().orElse(null);
        if (me == null) {
            error("Your account has no email address to send a test to.");
            return;
        }
        try {
            reminders.sendTest(binder.getBean().draft(), me);
            success("Test sent to " + me + ".");
        }
        catch (InvalidReminderException e) {
            error(e.getMessage());
        }
        catch (MailException e) {
            error("The mail server did not accept the test. Check the SMTP settings and try again.");
        }
    }

    private void scheduleReminder() {
        if (scheduleAt.getValue() == null) {
            scheduleAt.setInvalid(true);
            scheduleAt.setErrorMessage("Choose when to send it.");
            return;
        }
        Reminder saved = persist();
        if (saved == null) {
            return;
        }
        try {
            ZoneId zone = ConsoleFormat.current().zone();
            reminders.schedule(saved.getId(), scheduleAt.getValue().atZone(zone).toInstant());
            success("Scheduled.");
            getUI().ifPresent(ui -> ui.navigate(ReminderListView.class));
        }
        catch (InvalidReminderException e) {
            error(e.getMessage());
        }
    }

    private void confirmSendNow() {
        if (!valid()) {
            return;
        }
        long count;
        try {
            count = reminders.countAudience(binder.getBean().audience());
        }
        catch (InvalidReminderException e) {
            error(e.getMessage());
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Send now?");
        dialog.add(new Paragraph("This sends the reminder to " + count
                + " confirmed subscribers now. It cannot be undone, " + "but you can cancel it while it is sending."));
        Button confirm = new Button("Send to " + count, e -> {
            dialog.close();
            Reminder saved = persist();
            if (saved != null) {
                try {
                    reminders.sendNow(saved.getId());
                    success("Sending started.");
                    getUI().ifPresent(ui -> ui.navigate(ReminderListView.class));
                }
                catch (InvalidReminderException ex) {
                    error(ex.getMessage());
                }
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Keep editing", e -> dialog.close()), confirm);
        dialog.open();
    }

    private static void success(String message) {
        ConsoleUi.success(message);
    }

    private static void error(String message) {
        ConsoleUi.error(message);
    }

}
