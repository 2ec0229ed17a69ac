package org.advocacy.admin.campaigns.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.campaigns.ActionKind;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.embeds.EmbedPartners;
import org.advocacy.embeds.PartnerCount;
import org.advocacy.shared.PublicUrls;
import org.springframework.web.util.HtmlUtils;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/**
 * A campaign's action widget for partner sites: the partner sites allowed to show it, the
 * embed code with its options, and how many actions each partner site brought (per site
 * only: nothing follows a supporter from one site to another).
 */
@Route("campaigns/embed")
@PageTitle("Embed · Advocacy console")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class CampaignEmbedView extends VerticalLayout implements HasUrlParameter<Long> {

    private final CampaignService campaigns;

    private final EmbedPartners partners;

    private final PublicUrls urls;

    private final boolean editable;

    CampaignEmbedView(CampaignService campaigns, EmbedPartners partners, PublicUrls urls,
            AuthenticationContext authentication) {
        this.campaigns = campaigns;
        this.partners = partners;
        this.urls = urls;
        this.editable = ConsoleUi.canEdit(authentication);
    }

    @Override
    public void setParameter(BeforeEvent event, Long campaignId) {
        removeAll();
        Campaign campaign = campaigns.find(campaignId).orElse(null);
        if (campaign == null) {
            add(new H1("Embed"), ConsoleUi.emptyState("There is no such campaign. It may have been removed."));
            return;
        }
        add(new RouterLink("Back to " + campaign.getTitle(), CampaignEditorView.class,
                String.valueOf(campaign.getId())));
        add(new H1("Embed " + campaign.getTitle() + " on partner sites"));
        addAllowList(campaign);
        addEmbedCode(campaign);
        addPartnerCounts(campaign);
    }

    private void addAllowList(Campaign campaign) {
        add(new H2("Partner sites allowed to show it"));
        add(new Paragraph(
                "The widget appears only on these sites; browsers refuse it anywhere else. One site per line, "
                        + "such as https://news.example or https://www.coalition.example (add both spellings if a site uses both)."));
        TextArea origins = new TextArea("Allowed sites");
        origins.setId("embed-origins");
        origins.setWidthFull();
        origins.setValue(String.join("\n", partners.findAllowedOrigins(campaign.getId())));
        origins.setReadOnly(!editable);
        add(origins);
        if (editable) {
            Button save = new Button("Save allowed sites", event -> {
                List<String> lines = Arrays.stream(origins.getValue().split("\\R"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
                List<String> saved = new ArrayList<>();
                if (ConsoleUi.attempt(() -> saved.addAll(partners.setAllowedOrigins(campaign.getId(), lines)))) {
                    origins.setValue(String.join("\n", saved));
                    origins.setInvalid(false);
                    ConsoleUi.success(saved.isEmpty() ? "No partner site may show the widget now."
                            : ConsoleFormat.count(saved.size(), "partner site", "partner sites")
                                    + " may show the widget.");
                }
                else {
                    origins.setInvalid(true);
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save);
        }
    }

    private void addEmbedCode(Campaign campaign) {
        add(new H2("Embed code"));
        add(new Paragraph(
                "Partners paste this where the widget should appear. Without JavaScript it stays a link to the "
                        + "campaign. Several widgets may share a page: paste the code once for each."));
        CheckboxGroup<ActionKind> actions = new CheckboxGroup<>("Actions in the widget");
        List<ActionKind> embeddable = List.of(ActionKind.LETTER, ActionKind.CALL)
            .stream()
            .filter(campaign::isEnabled)
            .toList();
        actions.setItems(embeddable);
        actions.setItemLabelGenerator(kind -> kind == ActionKind.LETTER ? "Send a letter" : "Make a call");
        actions.setValue(Set.copyOf(embeddable));
        RadioButtonGroup<String> language = new RadioButtonGroup<>("Language");
        language.setItems("en", "es");
        language.setItemLabelGenerator(code -> code.equals("es") ? "Spanish" : "English");
        language.setValue("en");
        Checkbox signup = new Checkbox("Ask supporters to sign up for campaign updates", true);
        TextField button = new TextField("Button text (optional)");
        button.setMaxLength(40);
        button.setPlaceholder("Take action");
        TextArea code = new TextArea("Code to paste");
        code.setId("embed-code");
        code.setReadOnly(true);
        code.setWidthFull();
        Runnable update = () -> code.setValue(snippet(campaign, actions.getValue().stream().sorted().toList(),
                language.getValue(), signup.getValue(), button.getValue()));
        actions.addValueChangeListener(event -> update.run());
        language.addValueChangeListener(event -> update.run());
        signup.addValueChangeListener(event -> update.run());
        button.addValueChangeListener(event -> update.run());
        update.run();
        if (embeddable.isEmpty()) {
            add(ConsoleUi.emptyState("Turn on letters or calls for this campaign to offer them in a widget."));
        }
        add(actions, language, signup, button, code);
    }

    /**
     * The snippet: a link (the fallback) and the platform's script, which swaps the link
     * for the widget.
     */
    private String snippet(Campaign campaign, List<ActionKind> actions, String language, boolean signup,
            String button) {
        String base = urls.baseUrl();
        StringBuilder link = new StringBuilder("<a class=\"advocacy-action\" data-campaign=\"")
            .append(escape(campaign.getSlug()))
            .append('"');
        if (!actions.isEmpty()) {
            link.append(" data-actions=\"")
                .append(String.join(",", actions.stream().map(kind -> kind.name().toLowerCase(Locale.ROOT)).toList()))
                .append('"');
        }
        if ("es".equals(language)) {
            link.append(" data-language=\"es\"");
        }
        if (!signup) {
            link.append(" data-signup=\"false\"");
        }
        if (button != null && !button.isBlank()) {
            link.append(" data-button=\"").append(escape(button.strip())).append('"');
        }
        link.append(" href=\"")
            .append(escape(urls.campaign(campaign.getSlug())))
            .append("\">")
            .append(escape(("es".equals(language) ? "Actúe: " : "Take action: ") + campaign.getTitle()))
            .append("</a>");
        return link + "\n<script src=\"" + escape(base) + "/embed.js\" defer></script>";
    }

    /**
     * Only the characters that mean something in HTML; the code is pasted into UTF-8
     * pages.
     */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private void addPartnerCounts(Campaign campaign) {
        add(new H2("Actions by partner site"));
        List<PartnerCount> counts = partners.countByPartner(campaign.getId());
        if (counts.isEmpty()) {
            add(ConsoleUi.emptyState("No actions have come through a partner site yet."));
            return;
        }
        Grid<PartnerCount> grid = new Grid<>(PartnerCount.class, false);
        grid.addColumn(PartnerCount::origin).setHeader("Partner site").setFlexGrow(2);
        grid.addColumn(count -> ConsoleFormat.count(count.actions(), "action", "actions")).setHeader("Actions");
        grid.setItems(counts);
        grid.setAllRowsVisible(true);
        add(grid);
    }

}
