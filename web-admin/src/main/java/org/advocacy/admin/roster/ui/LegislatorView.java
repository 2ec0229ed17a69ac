package org.advocacy.admin.roster.ui;

import org.advocacy.legislators.DistrictOffice;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.legislators.PartyAffiliation;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/**
 * One member: seat, party history, Washington contact details and every district office.
 */
@Route("roster/member/:bioguideId")
@PageTitle("Member · Advocacy console")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class LegislatorView extends VerticalLayout implements BeforeEnterObserver {

    private final LegislatorService legislators;

    LegislatorView(LegislatorService legislators) {
        this.legislators = legislators;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("bioguideId").orElse("");
        Legislator member = legislators.findWithDetails(id).orElseThrow(NotFoundException::new);
        removeAll();
        add(new RouterLink("← Roster", RosterView.class));
        add(new H1(member.getTitle() + " " + member.getDisplayName()));
        add(new Paragraph(member.getParty()
                + (member.getCaucus() != null && !member.getCaucus().equals(member.getParty())
                        ? " (caucuses with " + member.getCaucus() + ")" : "")
                + " · " + member.getSeat() + " · term " + member.getTermStart() + " to " + member.getTermEnd()
                + (member.getTermHow() == null ? "" : " (" + member.getTermHow() + ")")));
        if (!member.isInOffice()) {
            Span left = new Span("Out of office since " + member.getLeftOfficeOn());
            left.getElement().getThemeList().add("badge error");
            add(left);
        }
        add(new H2("Washington office"));
        add(field("Phone", member.getPhone()), field("Office", member.getDcOffice()),
                field("Address", member.getDcAddress()), link("Website", member.getWebsiteUrl()),
                link("Contact form", member.getContactFormUrl()));
        if (member.getPhone() == null && member.getWebsiteUrl() == null) {
            add(new Paragraph("The roster has no contact details for this member yet (for example, just sworn in)."));
        }
        if (!member.getPartyAffiliations().isEmpty()) {
            add(new H2("Party changes this term"));
            for (PartyAffiliation affiliation : member.getPartyAffiliations()) {
                add(new Paragraph(affiliation.party() + " from " + affiliation.startsOn()
                        + (affiliation.endsOn() == null ? "" : " to " + affiliation.endsOn())));
            }
        }
        var social = member.getSocial();
        add(new H2("Social media"));
        add(field("X / Twitter", social.twitter()), field("Facebook", social.facebook()),
                field("Instagram", social.instagram()), field("YouTube", social.youtube()),
                field("Mastodon", social.mastodon()));
        add(new H2("District offices (" + member.getOffices().size() + ")"));
        if (member.getOffices().isEmpty()) {
            add(new Paragraph("No district offices are listed for this member."));
        }
        for (DistrictOffice office : member.getOffices()) {
            Div card = new Div();
            card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("width", "100%")
                .set("max-width", "40rem");
            card.add(new Span(office.getCity() + ", " + office.getState()));
            card.add(field("Address", office.streetLine() + (office.getZip() == null ? "" : " " + office.getZip())),
                    field("Phone", office.getPhone()), field("Fax", office.getFax()),
                    field("Hours", office.getHours()));
            add(card);
        }
    }

    private static Component field(String label, @Nullable String value) {
        Div line = new Div();
        Span name = new Span(label + ": ");
        name.getStyle().set("font-weight", "600");
        line.add(name, new Span(value == null || value.isBlank() ? "—" : value));
        return line;
    }

    private static Component link(String label, @Nullable String url) {
        if (url == null) {
            return field(label, null);
        }
        Div line = new Div();
        Span name = new Span(label + ": ");
        name.getStyle().set("font-weight", "600");
        line.add(name, new Anchor(url, url, AnchorTarget.BLANK));
        return line;
    }

}
