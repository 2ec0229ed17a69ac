package org.advocacy.admin.campaigns.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillStage;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignSections;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTemplates;
import org.advocacy.campaigns.CampaignToolkit;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.KeyFact;
import org.advocacy.campaigns.SampleSupporter;
import org.advocacy.campaigns.TargetMode;
import org.advocacy.campaigns.TemplatePlaceholders;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.campaigns.ToolkitKind;
import org.advocacy.campaigns.ToolkitResource;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.shared.Markdown;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/**
 * Edits one campaign: its text, actions, targets, status and goal, key facts and bills, one
 * template set per bill stage (with placeholder help and a live preview) and its toolkit.
 */
@Route("campaigns/edit")
@PageTitle("Campaign · Advocacy console")
@RolesAllowed({"ADMIN", "ORGANIZER", "VIEWER"})
class CampaignEditorView extends VerticalLayout implements HasUrlParameter<String> {

    static final String NEW = "new";

    private final CampaignService campaigns;
    private final CampaignTemplates templateSets;
    private final CampaignToolkit toolkit;
    private final BillService bills;
    private final LegislatorService legislators;
    private final boolean editable;

    private final BeanValidationBinder<CampaignForm> binder = new BeanValidationBinder<>(CampaignForm.class);
    private final H1 heading = new H1();
    /** Live preview of the Markdown, sanitised exactly as the public page will show it. */
    private final Html explainerPreview = new Html("<div></div>");
    private final Html whyPreview = new Html("<div></div>");
    private final MultiSelectComboBox<Legislator> specificTargets;
    private final MultiSelectComboBox<Bill> linkedBills = new MultiSelectComboBox<>("Bills");
    private final VerticalLayout keyFactRows = new VerticalLayout();
    private final List<KeyFactRow> keyFacts = new ArrayList<>();
    private final TabSheet tabs = new TabSheet();
    private final VerticalLayout templatesTab = new VerticalLayout();
    private final VerticalLayout toolkitTab = new VerticalLayout();

    private @Nullable Campaign campaign;

    CampaignEditorView(CampaignService campaigns, CampaignTemplates templateSets, CampaignToolkit toolkit, BillService bills, LegislatorService legislators,
                       AuthenticationContext authentication) {
        this.campaigns = campaigns;
        this.templateSets = templateSets;
        this.toolkit = toolkit;
        this.bills = bills;
        this.legislators = legislators;
        this.editable = ConsoleUi.canEdit(authentication);
        this.specificTargets = ConsoleUi.legislatorsPicker(legislators, "Specific members");
        setWidthFull();
        setMaxWidth("70rem");
        add(heading, tabs);
        tabs.setWidthFull();
        tabs.add("Details", detailsTab());
        tabs.add("Templates", templatesTab);
        tabs.add("Toolkit", toolkitTab);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        if (NEW.equals(parameter)) {
            campaign = null;
            heading.setText("New campaign");
            binder.readRecord(CampaignForm.blank());
            setKeyFacts(List.of());
            specificTargets.clear();
            linkedBills.clear();
        }
        else {
            Long id = parseId(parameter);
            campaign = id == null ? null : campaigns.find(id).orElse(null);
            if (campaign == null) {
                heading.setText("This campaign does not exist");
                tabs.setVisible(false);
                return;
            }
            load(campaign);
        }
        refreshTemplates();
        refreshToolkit();
        binder.setReadOnly(!editable);
    }

    private void load(Campaign loaded) {
        heading.setText(loaded.getTitle());
        binder.readRecord(CampaignForm.of(loaded));
        setKeyFacts(loaded.getKeyFacts());
        specificTargets.setValue(Set.copyOf(legislators.findAll(loaded.getSpecificTargets())));
        linkedBills.setValue(Set.copyOf(bills.findAll(loaded.getBillIds())));
        updatePreviews();
    }

    private VerticalLayout detailsTab() {
        TextField title = new TextField("Title");
        title.setId("campaign-title");
        TextField slug = new TextField("Web address name");
        slug.setHelperText("The campaign's address on the public site: /campaigns/<name>. Changing it breaks old links.");
        TextField tagline = new TextField("Tagline");
        TextArea explainer = new TextArea("Explainer (Markdown)");
        explainer.setId("campaign-explainer");
        explainer.setHelperText("A blank line starts a new paragraph; **bold**, *italics*, [link text](https://…), "
                + "lists with \"- \" or \"1. \". HTML you type is shown as text. The preview below shows what the "
                + "public will see.");
        TextArea why = new TextArea("Why it matters (Markdown)");
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
        linkedBills.setItemLabelGenerator(b -> b.getDesignation() + " (" + b.getCongress() + "th): " + b.getShortTitle());
        linkedBills.setWidthFull();
        linkedBills.setHelperText("The most advanced bill's stage picks the template set the public sees.");

        FormLayout form = new FormLayout(title, slug, tagline, status, goal);
        Div explainerBox = previewBox("Explainer preview", explainerPreview);
        Div whyBox = previewBox("Why it matters preview", whyPreview);
        HorizontalLayout actions = new HorizontalLayout(letter, call, meeting);
        HorizontalLayout chambers = new HorizontalLayout(house, senate);
        Button addFact = new Button("Add key fact", event -> addKeyFact(new KeyFact("", "", null, null)));
        addFact.setVisible(editable);
        Button save = new Button("Save campaign", event -> save());
        save.setId("campaign-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editable);
        return new VerticalLayout(form, explainer, explainerBox, why, whyBox,
                new H3("Actions supporters can take"), actions,
                new H3("Targets"), chambers, mode, specificTargets, linkedBills,
                new H3("Key facts"), keyFactRows, addFact,
                new H3("Page sections"), new FormLayout(whyHeading, whyHeadingEs), storiesShown,
                new FormLayout(storiesHeading, storiesHeadingEs), save);
    }

    private static Div previewBox(String label, Html preview) {
        Div box = new Div(new Span(label), preview);
        box.getStyle().set("border", "1px dashed var(--lumo-contrast-30pct)").set("padding", "var(--lumo-space-s)")
                .set("width", "100%");
        return box;
    }

    private void updatePreviews() {
        String explainer = ((TextArea) binder.getBinding("explainer").orElseThrow().getField()).getValue();
        String why = ((TextArea) binder.getBinding("whyItMatters").orElseThrow().getField()).getValue();
        explainerPreview.setHtmlContent("<div>" + Markdown.toSafeHtml(explainer) + "</div>");
        whyPreview.setHtmlContent("<div>" + Markdown.toSafeHtml(why == null ? "" : why) + "</div>");
    }

    private void save() {
        CampaignForm form;
        try {
            form = binder.writeRecord();
        }
        catch (ValidationException invalid) {
            ConsoleUi.error("Correct the highlighted fields: " + invalid.getFieldValidationErrors().stream()
                    .map(status -> status.getMessage().orElse("")).filter(message -> !message.isBlank()).distinct()
                    .collect(Collectors.joining(" ")));
            return;
        }
        List<KeyFact> facts = keyFacts.stream().map(KeyFactRow::value).filter(f -> !f.statement().isBlank()
                || !f.sourceName().isBlank()).toList();
        String why = form.whyItMatters();
        CampaignDetails details = new CampaignDetails(form.slug(), form.title(), form.tagline(),
                Markdown.toSafeHtml(form.explainer()), why == null ? null : Markdown.toSafeHtml(why), form.status(), form.goal(), form.letterEnabled(), form.callEnabled(),
                form.meetingEnabled(), form.targetHouse(), form.targetSenate(), form.targetMode(),
                specificTargets.getValue().stream().map(Legislator::getBioguideId).collect(Collectors.toSet()),
                linkedBills.getValue().stream().map(Bill::getId).collect(Collectors.toSet()), facts);
        Campaign current = campaign;
        Campaign[] saved = new Campaign[1];
        boolean ok = ConsoleUi.attempt(() -> saved[0] = current == null ? campaigns.create(details, form.sections(), form.text())
                : campaigns.update(current.getId(), current.getVersion(), details, form.sections(), form.text()));
        if (ok) {
            ConsoleUi.success("Saved. The public site shows the change now.");
            if (current == null) {
                getUI().ifPresent(ui -> ui.navigate(CampaignEditorView.class, String.valueOf(saved[0].getId())));
            }
            else {
                campaign = campaigns.find(current.getId()).orElseThrow();
                load(campaign);
            }
        }
    }

    private void setKeyFacts(List<KeyFact> facts) {
        keyFacts.clear();
        keyFactRows.removeAll();
        facts.forEach(this::addKeyFact);
        if (facts.isEmpty()) {
            keyFactRows.add(ConsoleUi.emptyState("No key facts yet. Every fact needs its source."));
        }
    }

    private void addKeyFact(KeyFact fact) {
        keyFactRows.getChildren().filter(c -> c.hasClassName("empty-state")).toList().forEach(keyFactRows::remove);
        KeyFactRow row = new KeyFactRow(fact, editable);
        row.remove.addClickListener(event -> ConsoleUi.confirm("Remove this key fact?",
                "It disappears from the campaign when you save.", "Remove", () -> {
                    keyFacts.remove(row);
                    keyFactRows.remove(row);
                }));
        keyFacts.add(row);
        keyFactRows.add(row);
    }

    /** One key fact's fields. */
    private static final class KeyFactRow extends FormLayout {
        final TextArea statement = new TextArea("Statement");
        final TextField source = new TextField("Source");
        final TextField url = new TextField("Source link");
        final TextField detail = new TextField("Detail");
        final Button remove = new Button("Remove fact");

        KeyFactRow(KeyFact fact, boolean editable) {
            statement.setValue(fact.statement());
            source.setValue(fact.sourceName());
            url.setValue(fact.sourceUrl() == null ? "" : fact.sourceUrl());
            detail.setValue(fact.detail() == null ? "" : fact.detail());
            statement.setMaxLength(500);
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.setVisible(editable);
            List.of(statement, source, url, detail).forEach(f -> f.setReadOnly(!editable));
            add(statement, source, url, detail, remove);
            getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        }

        KeyFact value() {
            return new KeyFact(statement.getValue().strip(), source.getValue().strip(),
                    url.getValue().isBlank() ? null : url.getValue().strip(),
                    detail.getValue().isBlank() ? null : detail.getValue().strip());
        }
    }

    // Templates -----------------------------------------------------------------------------

    private void refreshTemplates() {
        templatesTab.removeAll();
        Campaign current = campaign;
        if (current == null) {
            templatesTab.add(ConsoleUi.emptyState("Save the campaign first, then add a template set for each bill stage."));
            return;
        }
        Select<BillStage> stage = new Select<>();
        stage.setLabel("Bill stage");
        stage.setItems(BillStage.values());
        stage.setItemLabelGenerator(s -> s.name() + (current.getTemplateSets().containsKey(s) ? " (has templates)" : ""));
        stage.setHelperText("The public sees the set for the current stage of the campaign's most advanced bill ("
                + campaigns.currentStage(current) + "). While a bill moves, an earlier stage's set applies too; "
                + "after enactment only the ENACTED set does.");
        TextArea callToAction = new TextArea("Call to action");
        TextField subject = new TextField("Letter subject");
        TextArea letter = new TextArea("Letter");
        TextArea script = new TextArea("Call script");
        TextArea meeting = new TextArea("Meeting request");
        callToAction.setId("template-call-to-action");
        subject.setId("template-subject");
        letter.setId("template-letter");
        script.setId("template-call-script");
        meeting.setId("template-meeting");
        List<TextArea> areas = List.of(callToAction, letter, script, meeting);
        areas.forEach(a -> {
            a.setWidthFull();
            a.setValueChangeMode(ValueChangeMode.LAZY);
        });
        letter.setMinHeight("12rem");
        subject.setWidthFull();
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        ComboBox<Legislator> previewFor = ConsoleUi.legislatorPicker(legislators, "Preview for");
        Pre preview = new Pre();
        preview.getStyle().set("white-space", "pre-wrap").set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "var(--lumo-space-s)");
        Runnable updatePreview = () -> {
            markUnknownPlaceholders(callToAction, subject, letter, script, meeting);
            Legislator legislator = previewFor.getValue();
            if (legislator == null) {
                preview.setText("Pick a member of Congress to see the templates filled in for them.");
                return;
            }
            TemplateSet filled = templateSets.preview(current, new TemplateSet(callToAction.getValue(), subject.getValue(),
                    letter.getValue(), script.getValue(), meeting.getValue()), legislator, SampleSupporter.EXAMPLE);
            preview.setText("Call to action: " + filled.callToAction() + "\n\nSubject: " + filled.letterSubject()
                    + "\n\n" + filled.letterTemplate() + "\n\n— Call script —\n" + filled.callScript()
                    + "\n\n— Meeting request —\n" + filled.meetingTemplate());
        };
        stage.addValueChangeListener(event -> {
            TemplateSet set = event.getValue() == null ? null : current.getTemplateSets().get(event.getValue());
            callToAction.setValue(set == null ? "" : set.callToAction());
            subject.setValue(set == null ? "" : set.letterSubject());
            letter.setValue(set == null ? "" : set.letterTemplate());
            script.setValue(set == null ? "" : set.callScript());
            meeting.setValue(set == null ? "" : set.meetingTemplate());
            updatePreview.run();
        });
        areas.forEach(a -> a.addValueChangeListener(e -> updatePreview.run()));
        subject.addValueChangeListener(e -> updatePreview.run());
        previewFor.addValueChangeListener(e -> updatePreview.run());
        stage.setValue(campaigns.currentStage(current));

        Grid<java.util.Map.Entry<String, String>> help = new Grid<>();
        help.addColumn(e -> "{{" + e.getKey() + "}}").setHeader("Placeholder").setAutoWidth(true);
        help.addColumn(java.util.Map.Entry::getValue).setHeader("Stands for");
        help.setItems(List.copyOf(TemplatePlaceholders.DOCUMENTED.entrySet()));
        help.setAllRowsVisible(true);
        Details placeholderHelp = new Details("Placeholders you can use", help);

        Button save = new Button("Save templates for this stage", event -> {
            BillStage chosen = stage.getValue();
            if (chosen != null && ConsoleUi.attempt(() -> campaign = templateSets.put(current.getId(), chosen,
                    new TemplateSet(callToAction.getValue(), subject.getValue(), letter.getValue(), script.getValue(),
                            meeting.getValue())))) {
                ConsoleUi.success("Templates for " + chosen + " saved.");
                refreshTemplates();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("templates-save");
        Button remove = new Button("Remove this stage's templates", event -> {
            BillStage chosen = stage.getValue();
            if (chosen == null || !current.getTemplateSets().containsKey(chosen)) {
                return;
            }
            ConsoleUi.confirm("Remove the " + chosen + " templates?", "Supporters will no longer be asked to act "
                    + "when the bill is at this stage unless an earlier stage's templates apply.", "Remove", () -> {
                if (ConsoleUi.attempt(() -> campaign = templateSets.remove(current.getId(), chosen))) {
                    ConsoleUi.success("Templates removed.");
                    refreshTemplates();
                }
            });
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        save.setVisible(editable);
        remove.setVisible(editable);
        List.of(callToAction, letter, script, meeting).forEach(a -> a.setReadOnly(!editable));
        subject.setReadOnly(!editable);
        templatesTab.add(stage, placeholderHelp, callToAction, subject, letter, script, meeting,
                new HorizontalLayout(save, remove), new H3("Live preview"), previewFor, preview);
    }

    /** Marks each template field that uses a placeholder the service would refuse, while staff type. */
    private static void markUnknownPlaceholders(HasValidationProperties... fields) {
        for (HasValidationProperties field : fields) {
            String value = ((HasValue<?, ?>) field).getValue() instanceof String text ? text : "";
            java.util.Set<String> unknown = TemplatePlaceholders.unknown(value);
            field.setInvalid(!unknown.isEmpty());
            field.setErrorMessage(unknown.isEmpty() ? null : "Unknown placeholder: " + TemplatePlaceholders.listed(unknown)
                    + ". Saving will be refused; see \"Placeholders you can use\" above.");
        }
    }

    // Toolkit -------------------------------------------------------------------------------

    private void refreshToolkit() {
        toolkitTab.removeAll();
        Campaign current = campaign;
        if (current == null) {
            toolkitTab.add(ConsoleUi.emptyState("Save the campaign first, then add toolkit resources."));
            return;
        }
        Grid<ToolkitResource> grid = new Grid<>(ToolkitResource.class, false);
        grid.addColumn(ToolkitResource::getPosition).setHeader("#").setAutoWidth(true);
        grid.addColumn(r -> r.getKind().name()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(ToolkitResource::getTitle).setHeader("Title");
        grid.addColumn(ToolkitResource::getDescription).setHeader("Description");
        if (editable) {
            grid.addComponentColumn(r -> new HorizontalLayout(
                    new Button("Edit", e -> openToolkitDialog(current, r)),
                    new Button("Delete", e -> ConsoleUi.confirm("Delete \"" + r.getTitle() + "\"?",
                            "It disappears from the public toolkit.", "Delete", () -> {
                                if (ConsoleUi.attempt(() -> toolkit.remove(r.getId()))) {
                                    ConsoleUi.success("Deleted.");
                                    refreshToolkit();
                                }
                            })))).setHeader("Actions").setAutoWidth(true);
        }
        grid.setItems(toolkit.resources(current));
        grid.setEmptyStateText("No toolkit resources yet.");
        grid.setAllRowsVisible(true);
        Button add = new Button("Add resource", e -> openToolkitDialog(current, null));
        add.setVisible(editable);
        toolkitTab.add(grid, add);
    }

    private void openToolkitDialog(Campaign current, @Nullable ToolkitResource existing) {
        Dialog dialog = new Dialog(existing == null ? "New toolkit resource" : "Edit toolkit resource");
        Select<ToolkitKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(ToolkitKind.values());
        kind.setValue(existing == null ? ToolkitKind.GUIDE : existing.getKind());
        TextField title = new TextField("Title");
        TextArea description = new TextArea("Description");
        TextArea body = new TextArea("Text (optional)");
        TextField url = new TextField("Link (optional)");
        if (existing != null) {
            title.setValue(existing.getTitle());
            description.setValue(existing.getDescription());
            body.setValue(existing.getBody() == null ? "" : existing.getBody());
            url.setValue(existing.getUrl() == null ? "" : existing.getUrl());
        }
        Button save = new Button("Save", e -> {
            boolean ok = ConsoleUi.attempt(() -> {
                if (existing == null) {
                    toolkit.add(current.getId(), kind.getValue(), title.getValue(),
                            description.getValue(), body.getValue(), url.getValue());
                }
                else {
                    toolkit.update(existing.getId(), kind.getValue(), title.getValue(),
                            description.getValue(), body.getValue(), url.getValue());
                }
            });
            if (ok) {
                ConsoleUi.success("Toolkit saved.");
                dialog.close();
                refreshToolkit();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(kind, title, description, body, url));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private static @Nullable Long parseId(String parameter) {
        try {
            return Long.parseLong(parameter);
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
