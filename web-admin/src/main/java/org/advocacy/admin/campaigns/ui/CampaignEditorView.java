package org.advocacy.admin.campaigns.ui;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.BillService;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTemplates;
import org.advocacy.campaigns.CampaignToolkit;
import org.advocacy.legislators.LegislatorService;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/**
 * Edits one campaign, in three tabs: its details ({@link CampaignDetailsForm}), one
 * template set per bill stage ({@link CampaignTemplatesEditor}) and its toolkit
 * ({@link CampaignToolkitEditor}). VIEWERs see the same tabs read-only.
 */
@Route("campaigns/edit")
@PageTitle("Campaign · Advocacy console")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class CampaignEditorView extends VerticalLayout implements HasUrlParameter<String> {

    static final String NEW = "new";

    private final CampaignService campaigns;

    private final H1 heading = new H1();

    private final TabSheet tabs = new TabSheet();

    private final CampaignDetailsForm details;

    private final CampaignTemplatesEditor templates;

    private final CampaignToolkitEditor toolkit;

    /**
     * The campaign as last loaded or saved; its version guards the next save. Null while
     * creating one.
     */
    private @Nullable Campaign campaign;

    CampaignEditorView(CampaignService campaigns, CampaignTemplates templateSets, CampaignToolkit toolkitResources,
            BillService bills, LegislatorService legislators, AuthenticationContext authentication) {
        this.campaigns = campaigns;
        boolean editable = ConsoleUi.canEdit(authentication);
        this.details = new CampaignDetailsForm(bills, legislators, editable, this::save);
        this.templates = new CampaignTemplatesEditor(campaigns, templateSets, legislators, editable,
                saved -> campaign = saved);
        this.toolkit = new CampaignToolkitEditor(toolkitResources, editable);
        setWidthFull();
        setMaxWidth("70rem");
        add(heading, tabs);
        tabs.setWidthFull();
        tabs.add("Details", details);
        tabs.add("Templates", templates);
        tabs.add("Toolkit", toolkit);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        if (NEW.equals(parameter)) {
            campaign = null;
            heading.setText("New campaign");
        }
        else {
            Long id = parseId(parameter);
            Campaign found = id == null ? null : campaigns.find(id).orElse(null);
            campaign = found;
            if (found == null) {
                heading.setText("This campaign does not exist");
                tabs.setVisible(false);
                return;
            }
            heading.setText(found.getTitle());
        }
        details.read(campaign);
        templates.show(campaign);
        toolkit.show(campaign);
    }

    private void save(CampaignDetailsForm.Entry entry) {
        Campaign current = campaign;
        ConsoleUi
            .attemptResult(() -> current == null ? campaigns.create(entry.details(), entry.sections(), entry.text())
                    : campaigns.update(current.getId(), current.getVersion(), entry.details(), entry.sections(),
                            entry.text()))
            .ifPresent(saved -> {
                ConsoleUi.success("Saved. The public site shows the change now.");
                if (current == null) {
                    getUI().ifPresent(ui -> ui.navigate(CampaignEditorView.class, String.valueOf(saved.getId())));
                }
                else {
                    Campaign reloaded = campaigns.find(saved.getId()).orElseThrow();
                    campaign = reloaded;
                    heading.setText(reloaded.getTitle());
                    details.read(reloaded);
                }
            });
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
