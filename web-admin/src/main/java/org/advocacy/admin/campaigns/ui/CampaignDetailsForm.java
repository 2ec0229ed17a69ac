package org.advocacy.admin.campaigns.ui;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignSections;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.CampaignText;
import org.advocacy.campaigns.TargetMode;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.shared.Markdown;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * The campaign's details: text (Markdown with a live preview), actions, targets, status
 * and goal, key facts, bills and page sections. Saving hands the checked entry to the
 * editor, which stores it.
 */
class CampaignDetailsForm extends VerticalLayout {

    /** What the form holds, ready for the campaign service. */
    record Entry(CampaignDetails details, CampaignSections sections, CampaignText text) {
    }

    private final BeanValidationBinder<CampaignForm> binder = new BeanValidationBinder<>(CampaignForm.class);

    private final TextArea explainer = new TextArea("Explainer (Markdown)");

    private final TextArea why = new TextArea("Why it matters (Markdown)");

    /**
     * Live preview of the Markdown, sanitised exactly as the public page will show it.
     */
    private final Html explainerPreview = new Html("<div></div>");

    private final Html whyPreview = new Html("<div></div>");

    private final MultiSelectComboBox<Legislator> specificTargets;

    private final MultiSelectComboBox<Bill> linkedBills = new MultiSelectComboBox<>("Bills");

    private final KeyFactsEditor keyFacts;

    private final BillService bills;

    private final LegislatorService legislators;

    CampaignDetailsForm(BillService bills, LegislatorService legislators, boolean editable, Consumer<Entry> onSave) {
        this.bills = bills;
        this.legislators = legislators;
        this.specificTargets = ConsoleUi.legislatorsPicker(legislators, "Specific members");
        this.keyFacts = new KeyFactsEditor(editable);
        TextField title = new TextField("Title");
        title.setId("campaign-title");
        TextField slug = new TextField("Web address name");
        slug.setHelperText(
                "The campaign's address on the public site: /campaigns/<name>. Changing it breaks old links.");
        TextField tagline = new TextField("Tagline");
        explainer.setId("campaign-explainer");
        explainer.setHelperText("A blank line starts a new paragraph; **bold**, *italics*, [link text](https://…), "
                + "lists with \"- \" or \"1. \". HTML you type is shown as text. The preview below shows what the "
                + "public will see.");
        why.setHelperText("Same Markdown as the explainer. Leave empty to leave the section out.");
        for (TextArea area : List.of(explainer, why)) {
            area.setWidthFull();
            area.setMinHeight("8rem");
            area.setValueChangeMode(ValueChangeMode.LAZY);
            area.addValueChangeListener(event -> updatePreviews());
        }
        Select<CampaignStatus> status = new Select<>();
        status.setLabel("Status");
        status.setItems(CampaignStatus.values());
        status.setHelperText("Draft: hidden from the public. Live: taking actions. Closed: shown, no actions.");
        IntegerField goal = new IntegerField("Goal (actions)");
        goal.setMin(1);
        Checkbox letter = new Checkbox("Letters");
        Checkbox call = new Checkbox("Calls");
        Checkbox meeting = new Checkbox("Meeting requests");
        Checkbox house = new Checkbox("House");
        Checkbox senate = new Checkbox("Senate");
        RadioButtonGroup<TargetMode> mode = new RadioButtonGroup<>("Whom to target");
        mode.setItems(TargetMode.values());
        mode.setItemLabelGenerator(m -> switch (m) {
            case ALL -> "Every member of the chambers chosen";
            case NON_COSPONSORS -> "Only members who have not cosponsored the bills";
            case SPECIFIC -> "Only the members picked below";
        });
        mode.addValueChangeListener(event -> specificTargets.setEnabled(event.getValue() == TargetMode.SPECIFIC));

        binder.forField(title).bind("title");
        binder.forField(slug).bind("slug");
        binder.forField(tagline).bind("tagline");
        binder.forField(explainer).bind("explainer");
        binder.forField(why).bind("whyItMatters");
        binder.forField(status).bind("status");
        binder.forField(goal).bind("goal");
        binder.forField(letter).bind("letterEnabled");
        binder.forField(call).bind("callEnabled");
        binder.forField(meeting).bind("meetingEnabled");
        binder.forField(house).bind("targetHouse");
        binder.forField(senate).bind("targetSenate");
        binder.forField(mode).bind("targetMode");
        TextField whyHeading = new TextField("\"Why it matters\" heading (English)");
        whyHeading.setId("why-heading-en");
        TextField whyHeadingEs = new TextField("\"Why it matters\" heading (Spanish)");
        whyHeadingEs.setId("why-heading-es");
        Checkbox storiesShown = new Checkbox("Show a stories section (published stories and \"Share your story\")");
        storiesShown.setId("stories-shown");
        TextField storiesHeading = new TextField("Stories heading (English)");
        storiesHeading.setId("stories-heading-en");
        TextField storiesHeadingEs = new TextField("Stories heading (Spanish)");
        storiesHeadingEs.setId("stories-heading-es");
        for (TextField heading : List.of(whyHeading, whyHeadingEs, storiesHeading, storiesHeadingEs)) {
            heading.setMaxLength(CampaignSections.MAX_HEADING);
            heading.setHelperText("Leave both languages empty for the general heading.");
        }
        binder.forField(whyHeading).bind("whyHeading");
        binder.forField(whyHeadingEs).bind("whyHeadingEs");
        binder.forField(storiesShown).bind("storiesShown");
        binder.forField(storiesHeading).bind("storiesHeading");
        binder.forField(storiesHeadingEs).bind("storiesHeadingEs");

        linkedBills.setItems(bills.list());
        linkedBills
            .setItemLabelGenerator(b -> b.getDesignation() + " (" + b.getCongress() + "th): " + b.getShortTitle());
        linkedBills.setWidthFull();
        linkedBills.setHelperText("The most advanced bill's stage picks the template set the public sees.");

        Button save = new Button("Save campaign", event -> entry().ifPresent(onSave));
        save.setId("campaign-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editable);
        add(new FormLayout(title, slug, tagline, status, goal), explainer,
                previewBox("Explainer preview", explainerPreview), why,
                previewBox("Why it matters preview", whyPreview), new H3("Actions supporters can take"),
                new HorizontalLayout(letter, call, meeting), new H3("Targets"), new HorizontalLayout(house, senate),
                mode, specificTargets, linkedBills, new H3("Key facts"), keyFacts, new H3("Page sections"),
                new FormLayout(whyHeading, whyHeadingEs), storiesShown,
                new FormLayout(storiesHeading, storiesHeadingEs), save);
        binder.setReadOnly(!editable);
    }

    /** Shows the campaign's details, or a blank form for a new campaign. */
    void read(@Nullable Campaign campaign) {
        if (campaign == null) {
            binder.readRecord(CampaignForm.blank());
            keyFacts.setFacts(List.of());
            specificTargets.clear();
            linkedBills.clear();
        }
        else {
            binder.readRecord(CampaignForm.of(campaign));
            keyFacts.setFacts(campaign.getKeyFacts());
            specificTargets.setValue(Set.copyOf(legislators.findAll(campaign.getSpecificTargets())));
            linkedBills.setValue(Set.copyOf(bills.findAll(campaign.getBillIds())));
        }
        updatePreviews();
    }

    private static Div previewBox(String label, Html preview) {
        Div box = new Div(new Span(label), preview);
        box.getStyle()
            .set("border", "1px dashed var(--lumo-contrast-30pct)")
            .set("padding", "var(--lumo-space-s)")
            .set("width", "100%");
        return box;
    }

    private void updatePreviews() {
        explainerPreview.setHtmlContent("<div>" + Markdown.toSafeHtml(explainer.getValue()) + "</div>");
        whyPreview.setHtmlContent("<div>" + Markdown.toSafeHtml(why.getValue()) + "</div>");
    }

    /** The checked entry, or empty (with the problems shown) when a field is invalid. */
    private Optional<Entry> entry() {
        CampaignForm form;
        try {
            form = binder.writeRecord();
        }
        catch (ValidationException invalid) {
            ConsoleUi.error("Correct the highlighted fields: " + invalid.getFieldValidationErrors()
                .stream()
                .map(status -> status.getMessage().orElse(""))
                .filter(message -> !message.isBlank())
                .distinct()
                .collect(Collectors.joining(" ")));
            return Optional.empty();
        }
        String whyItMatters = form.whyItMatters();
        CampaignDetails details = new CampaignDetails(form.slug(), form.title(), form.tagline(),
                Markdown.toSafeHtml(form.explainer()), whyItMatters == null ? null : Markdown.toSafeHtml(whyItMatters),
                form.status(), form.goal(), form.letterEnabled(), form.callEnabled(), form.meetingEnabled(),
                form.targetHouse(), form.targetSenate(), form.targetMode(),
                specificTargets.getValue().stream().map(Legislator::getBioguideId).collect(Collectors.toSet()),
                linkedBills.getValue().stream().map(Bill::getId).collect(Collectors.toSet()), keyFacts.facts());
        return Optional.of(new Entry(details, form.sections(), form.text()));
    }

}
