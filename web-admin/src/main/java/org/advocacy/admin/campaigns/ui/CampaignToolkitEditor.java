package org.advocacy.admin.campaigns.ui;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignToolkit;
import org.advocacy.campaigns.ToolkitKind;
import org.advocacy.campaigns.ToolkitResource;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** A campaign's toolkit resources: the list, and a dialog to add or edit one. */
class CampaignToolkitEditor extends VerticalLayout {

    private final CampaignToolkit toolkit;

    private final boolean editable;

    CampaignToolkitEditor(CampaignToolkit toolkit, boolean editable) {
        this.toolkit = toolkit;
        this.editable = editable;
    }

    /** Shows the campaign's toolkit; a campaign not saved yet has none. */
    void show(@Nullable Campaign campaign) {
        removeAll();
        if (campaign == null) {
            add(ConsoleUi.emptyState("Save the campaign first, then add toolkit resources."));
            return;
        }
        Grid<ToolkitResource> grid = new Grid<>(ToolkitResource.class, false);
        grid.addColumn(ToolkitResource::getPosition).setHeader("#").setAutoWidth(true);
        grid.addColumn(r -> r.getKind().name()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(ToolkitResource::getTitle).setHeader("Title");
        grid.addColumn(ToolkitResource::getDescription).setHeader("Description");
        if (editable) {
            grid.addComponentColumn(r -> new HorizontalLayout(new Button("Edit", e -> openDialog(campaign, r)),
                    new Button("Delete", e -> ConsoleUi.confirm("Delete \"" + r.getTitle() + "\"?",
                            "It disappears from the public toolkit.", "Delete", () -> {
                                if (ConsoleUi.attempt(() -> toolkit.remove(r.getId()))) {
                                    ConsoleUi.success("Deleted.");
                                    show(campaign);
                                }
                            }))))
                .setHeader("Actions")
                .setAutoWidth(true);
        }
        grid.setItems(toolkit.resources(campaign));
        grid.setEmptyStateText("No toolkit resources yet.");
        grid.setAllRowsVisible(true);
        Button add = new Button("Add resource", e -> openDialog(campaign, null));
        add.setVisible(editable);
        add(grid, add);
    }

    private void openDialog(Campaign campaign, @Nullable ToolkitResource existing) {
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
                    toolkit.add(campaign.getId(), kind.getValue(), title.getValue(), description.getValue(),
                            body.getValue(), url.getValue());
                }
                else {
                    toolkit.update(existing.getId(), kind.getValue(), title.getValue(), description.getValue(),
                            body.getValue(), url.getValue());
                }
            });
            if (ok) {
                ConsoleUi.success("Toolkit saved.");
                dialog.close();
                show(campaign);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(kind, title, description, body, url));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

}
