package org.advocacy.site.lookup;

import java.util.List;
import java.util.Locale;

import org.advocacy.campaigns.ActionKind;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.LegislatorLookup;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.legislators.LookupException;
import org.advocacy.legislators.LookupException.Reason;
import org.advocacy.legislators.LookupService;
import org.advocacy.site.caching.SameForEveryone;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Find your legislators", a step of every campaign. Only GET forms, so it works without
 * JavaScript and every answer has its own address: a ZIP code first; a second step only
 * when the ZIP is split (pick a district from the candidates, shown with their members,
 * or give a street address); or a territory for supporters in AS, GU, MP and VI, which
 * have no ZIP data.
 */
@Controller
class LookupController {

    /**
     * DC and the territories with a House delegate, which a supporter can pick directly.
     */
    static final List<String> TERRITORIES = List.of("DC", "PR", "AS", "GU", "MP", "VI");

    private final CampaignService campaigns;

    private final LookupService lookups;

    private final LegislatorService legislators;

    LookupController(CampaignService campaigns, LookupService lookups, LegislatorService legislators) {
        this.campaigns = campaigns;
        this.lookups = lookups;
        this.legislators = legislators;
    }

    /** The query of the page; every part optional. */
    record LookupForm(@Nullable String zip, @Nullable String district, @Nullable String address,
            @Nullable String territory) {

        boolean empty() {
            return blank(zip) && blank(district) && blank(address) && blank(territory);
        }

        static boolean blank(@Nullable String value) {
            return value == null || value.isBlank();
        }
    }

    /** One link to an action page of the campaign for the settled district. */
    record ActionLink(ActionKind kind, String url) {
    }

    @SameForEveryone(unlessParameters = "address")
    @GetMapping("/campaigns/{slug}/legislators")
    String find(@PathVariable String slug, @ModelAttribute("form") LookupForm form, Model model) {
        Campaign campaign = campaigns.findPublic(slug)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("campaign", campaign);
        model.addAttribute("territories", TERRITORIES);
        if (form.empty()) {
            return "lookup/find";
        }
        if (LookupForm.blank(form.zip())) {
            return territory(campaign, form, model);
        }
        String zip = form.zip().strip();
        try {
            LegislatorLookup result;
            if (!LookupForm.blank(form.district())) {
                result = lookups.lookup(zip, parse(form.district()));
            }
            else if (!LookupForm.blank(form.address())) {
                result = addressLookup(zip, form.address(), model);
                if (result == null) {
                    return show(campaign, lookups.lookup(zip), model);
                }
            }
            else {
                result = lookups.lookup(zip);
            }
            return show(campaign, result, model);
        }
        catch (LookupException e) {
            String field = switch (e.reason()) {
                case MALFORMED_DISTRICT, DISTRICT_NOT_IN_ZIP -> "district";
                case ADDRESS_NOT_FOUND, GEOCODER_UNAVAILABLE -> "address";
                default -> "zip";
            };
            if (!field.equals("zip")) {
                // The ZIP itself is good. When it settles the seat on its own, the
                // address or district was
                // never needed (a ZIP in one district with an over-long address): show
                // the answer. Otherwise
                // show its candidates again with the problem.
                LegislatorLookup byZip = lookups.lookup(zip);
                show(campaign, byZip, model);
                if (byZip.settled()) {
                    return "lookup/find";
                }
            }
            model.addAttribute("errorField", field);
            model.addAttribute("errorKey", e.messageKey());
            return "lookup/find";
        }
    }

    private @Nullable LegislatorLookup addressLookup(String zip, String address, Model model) {
        try {
            return lookups.lookup(zip, address);
        }
        catch (LookupException e) {
            if (e.reason() != Reason.GEOCODER_UNAVAILABLE) {
                throw e;
            }
            // Not the supporter's fault: say so, and offer the list of districts.
            model.addAttribute("geocoderUnavailable", true);
            return null;
        }
    }

    private String territory(Campaign campaign, LookupForm form, Model model) {
        String territory = form.territory() == null ? "" : form.territory().strip();
        if (!TERRITORIES.contains(territory)) {
            model.addAttribute("errorField", "zip");
            model.addAttribute("errorKey", "lookup.error.MALFORMED_ZIP");
            return "lookup/find";
        }
        return show(campaign, lookups.lookupDistrict(new DistrictRef(territory, 0)), model);
    }

    private static DistrictRef parse(String district) {
        try {
            return DistrictRef.parse(district);
        }
        catch (IllegalArgumentException e) {
            throw new LookupException(Reason.MALFORMED_DISTRICT, e.getMessage());
        }
    }

    private String show(Campaign campaign, LegislatorLookup result, Model model) {
        model.addAttribute("lookup", result);
        if (result.settled()) {
            String state = result.district().state();
            model.addAttribute("noSenators", result.senators().isEmpty() && !legislators.hasSenators(state));
            model.addAttribute("actions",
                    campaign.getEnabledActions()
                        .stream()
                        .map(kind -> new ActionLink(kind, actionUrl(campaign, kind, result)))
                        .toList());
        }
        return "lookup/find";
    }

    private static String actionUrl(Campaign campaign, ActionKind kind, LegislatorLookup result) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/campaigns/{slug}/{action}");
        if (result.zip() != null) {
            url.queryParam("zip", result.zip());
        }
        url.queryParam("district", result.district().toString());
        return url.buildAndExpand(campaign.getSlug(), kind.name().toLowerCase(Locale.ROOT)).encode().toUriString();
    }

}
