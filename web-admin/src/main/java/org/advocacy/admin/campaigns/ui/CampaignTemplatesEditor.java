package org.advocacy.admin.campaigns.ui;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.BillStage;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTemplates;
import org.advocacy.campaigns.SampleSupporter;
import org.advocacy.campaigns.TemplatePlaceholders;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A campaign's template set for each bill stage, with placeholder help and a live
 * preview.
 */
class CampaignTemplatesEditor extends VerticalLayout {

    private final CampaignService campaigns;

    private final CampaignTemplates templates;

    private final LegislatorService legislators;

    private final boolean editable;

    private final Consumer<Campaign> onChange;

    /**
     * {@code onChange} receives the campaign after each saved or removed template set.
     */
    CampaignTemplatesEditor(CampaignService campaigns, CampaignTemplates templates, LegislatorService legislators,
            boolean editable, Consumer<Campaign> onChange) {
        this.campaigns = campaigns;
        this.templates = templates;
        this.legislators = legislators;
        this.editable = editable;
        this.onChange = onChange;
    }

    /** Shows the campaign's template sets; a campaign not saved yet has none. */
    void show(@Nullable Campaign campaign) {
        removeAll();
        if (campaign == null) {
            add(ConsoleUi.emptyState("Save the campaign first, then add a template set for each bill stage."));
            return;
        }
        Select<BillStage> stage = new Select<>();
        stage.setLabel("Bill stage");
        stage.setItems(BillStage.values());
        stage.setItemLabelGenerator(
                s -> s.name() + (campaign.getTemplateSets().containsKey(s) ? " (has templates)" : ""));
        stage.setHelperText("The public sees the set for the current stage of the campaign's most advanced bill ("
                + campaigns.currentStage(campaign) + "). While a bill moves, an earlier stage's set applies too; "
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
        List<TextFieldBase<?, String>> fields = List.of(callToAction, subject, letter, script, meeting);
        areas.forEach(a -> {
            a.setWidthFull();
            a.setValueChangeMode(ValueChangeMode.LAZY);
        });
        letter.setMinHeight("12rem");
        subject.setWidthFull();
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        ComboBox<Legislator> previewFor = ConsoleUi.legislatorPicker(legislators, "Preview for");
        Pre preview = new Pre();
        preview.getStyle()
            .set("white-space", "pre-wrap")
            .set("background", "var(--lumo-contrast-5pct)")
            .set("padding", "var(--lumo-space-s)");
        Runnable updatePreview = () -> {
            markUnknownPlaceholders(fields);
            Legislator legislator = previewFor.getValue();
            if (legislator == null) {
                preview.setText("Pick a member of Congress to see the templates filled in for them.");
                return;
            }
            TemplateSet filled = templates.preview(campaign, new TemplateSet(callToAction.getValue(),
                    subject.getValue(), letter.getValue(), script.getValue(), meeting.getValue()), legislator,
                    SampleSupporter.EXAMPLE);
            preview.setText("Call to action: " + filled.callToAction() + "\n\nSubject: " + filled.letterSubject()
                    + "\n\n" + filled.letterTemplate() + "\n\n— Call script —\n" + filled.callScript()
                    + "\n\n— Meeting request —\n" + filled.meetingTemplate());
        };
        stage.addValueChangeListener(event -> {
            TemplateSet set = event.getValue() == null ? null : campaign.getTemplateSets().get(event.getValue());
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
        stage.setValue(campaigns.currentStage(campaign));

        Grid<Map.Entry<String, String>> help = new Grid<>();
        help.addColumn(e -> "{{" + e.getKey() + "}}").setHeader("Placeholder").setAutoWidth(true);
        help.addColumn(Map.Entry::getValue).setHeader("Stands for");
        help.setItems(List.copyOf(TemplatePlaceholders.DOCUMENTED.entrySet()));
        help.setAllRowsVisible(true);
        Details placeholderHelp = new Details("Placeholders you can use", help);

        Button save = new Button("Save templates for this stage", event -> {
            BillStage chosen = stage.getValue();
            if (chosen != null) {
                ConsoleUi
                    .attemptResult(() -> templates.put(campaign.getId(), chosen,
                            new TemplateSet(callToAction.getValue(), subject.getValue(), letter.getValue(),
                                    script.getValue(), meeting.getValue())))
                    .ifPresent(saved -> changed(saved, "Templates for " + chosen + " saved."));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("templates-save");
        Button remove = new Button("Remove this stage's templates", event -> {
            BillStage chosen = stage.getValue();
            if (chosen == null || !campaign.getTemplateSets().containsKey(chosen)) {
                return;
            }
            ConsoleUi.confirm("Remove the " + chosen + " templates?",
                    "Supporters will no longer be asked to act "
                            + "when the bill is at this stage unless an earlier stage's templates apply.",
                    "Remove", () -> ConsoleUi.attemptResult(() -> templates.remove(campaign.getId(), chosen))
                        .ifPresent(saved -> changed(saved, "Templates removed.")));
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        save.setVisible(editable);
        remove.setVisible(editable);
        fields.forEach(field -> field.setReadOnly(!editable));
        add(stage, placeholderHelp, callToAction, subject, letter, script, meeting, new HorizontalLayout(save, remove),
                new H3("Live preview"), previewFor, preview);
    }

    private void changed(Campaign saved, String message) {
        ConsoleUi.success(message);
        onChange.accept(saved);
        show(saved);
    }

    /**
     * Marks each template field that uses a placeholder the service would refuse, while
     * staff type.
     */
    private static void markUnknownPlaceholders(List<TextFieldBase<?, String>> fields) {
        for (TextFieldBase<?, String> field : fields) {
            Set<String> unknown = TemplatePlaceholders.unknown(field.getValue());
            field.setInvalid(!unknown.isEmpty());
            field.setErrorMessage(
                    unknown.isEmpty() ? null : "Unknown placeholder: " + TemplatePlaceholders.listed(unknown)
                            + ". Saving will be refused; see \"Placeholders you can use\" above.");
        }
    }

}
