package org.advocacy.site.actions;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.advocacy.bills.Bill;
import org.advocacy.campaigns.ActionKind;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTargeting;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.LegislatorLookup;
import org.advocacy.legislators.LookupException;
import org.advocacy.legislators.LookupService;
import org.advocacy.shared.CacheNames;
import org.advocacy.shared.PublicContentVersion;
import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.protection.FormGuard;
import org.advocacy.site.supporters.SessionSupporter;
import org.advocacy.site.supporters.SupporterSession;
import org.advocacy.supporters.SupporterService;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Resolves an action request into an {@link ActionContext}, or says where to send the
 * visitor instead: to the find-your-legislators step when the seat is unknown or
 * unsettled, to the details form when we do not know them yet, or back to the campaign
 * when the action is closed. Resolving writes nothing (page views change nothing);
 * {@link #post} orders every action post.
 */
@Component
class ActionFlow {

    /** Either a context to render, or a redirect. */
    record Resolution(@Nullable ActionContext context, @Nullable String redirect) {
    }

    private static final String SEAT = ActionFlow.class.getName() + ".seat";

    private final CampaignService campaigns;

    private final CampaignTargeting targeting;

    private final LookupService lookups;

    private final FormGuard guard;

    private final SupporterService supporters;

    private final PublicContentVersion contentVersion;

    /**
     * Per campaign slug ({@link CacheNames#CAMPAIGN_SETUPS}); a handful of live campaigns
     * at most.
     */
    private final Cache setups;

    ActionFlow(CampaignService campaigns, CampaignTargeting targeting, LookupService lookups, FormGuard guard,
            PublicContentVersion contentVersion, SupporterService supporters, CacheManager caches) {
        this.campaigns = campaigns;
        this.targeting = targeting;
        this.lookups = lookups;
        this.guard = guard;
        this.supporters = supporters;
        this.contentVersion = contentVersion;
        this.setups = Objects.requireNonNull(caches.getCache(CacheNames.CAMPAIGN_SETUPS));
    }

    Resolution resolve(String slug, ActionKind kind, @Nullable String zip, @Nullable String district,
            HttpServletRequest request) {
        CampaignSetup setup = setup(slug).filter(s -> s.campaign().isEnabled(kind))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Campaign campaign = setup.campaign();
        String campaignUrl = "/campaigns/" + campaign.getSlug();
        if (!campaign.isLive() || setup.templates() == null) {
            return new Resolution(null, campaignUrl);
        }
        List<Bill> bills = setup.bills();
        TemplateSet templates = setup.templates();
        String findStep = findStep(campaign.getSlug(), zip);
        LegislatorLookup lookup;
        try {
            lookup = lookup(zip, district);
        }
        catch (LookupException | IllegalArgumentException e) {
            return new Resolution(null, findStep);
        }
        if (lookup == null || !lookup.settled() || lookup.district() == null) {
            return new Resolution(null, findStep);
        }
        HttpSession session = request.getSession();
        SessionSupporter supporter = SupporterSession.current(session, supporters).orElse(null);
        if (supporter == null) {
            return new Resolution(null, SupporterSession.detailsUrl(actionPage(request, lookup)));
        }
        return new Resolution(new ActionContext(campaign, templates, bills.isEmpty() ? null : bills.getFirst(),
                setup.backers(), supporter, lookup.zip(), lookup.district(),
                targeting.targets(campaign, lookup, setup.backers())), null);
    }

    /**
     * The campaign with what every action request needs of it (its bills, the template
     * set for the lead bill's stage, the bills' backers), read once per public content
     * version rather than on every request: actions arrive in bursts, and the rows only
     * change when staff edit them.
     */
    private Optional<CampaignSetup> setup(String slug) {
        return Optional.ofNullable(
                contentVersion.<CampaignSetup>cached(setups, slug, () -> campaigns.findPublic(slug).map(campaign -> {
                    List<Bill> bills = campaigns.bills(campaign);
                    TemplateSet templates = campaign.currentTemplates(bills).orElse(null);
                    return new CampaignSetup(campaign, bills, templates, campaigns.backers(campaign));
                }).orElse(null)));
    }

    private record CampaignSetup(Campaign campaign, List<Bill> bills, @Nullable TemplateSet templates,
            Set<String> backers) {
    }

    /**
     * The one write of an action post, given whether the seat it was taken from still has
     * to be stored.
     */
    @FunctionalInterface
    interface ActionWrite {

        String write(boolean settleSeat);

    }

    /**
     * Runs an action post in the order all three actions keep: the bot check, then
     * validation, then one write. A refused post (a bot, or invalid input) writes
     * nothing; a post sent back sooner than a person usually could is shown again with a
     * notice and what they typed, never dropped; the supporter's seat is stored with
     * their action (once per visit and seat, for staff's audience counts), never on a
     * page view.
     */
    String post(ActionContext context, HttpSession session, @Nullable String formToken, @Nullable String website,
            Supplier<FormErrors> validation, Function<FormErrors, String> invalid, ActionWrite write) {
        FormGuard.Verdict verdict = guard.check(formToken, website);
        if (verdict == FormGuard.Verdict.BOT) {
            return "redirect:/campaigns/" + context.campaign().getSlug() + "/thanks";
        }
        FormErrors errors = verdict == FormGuard.Verdict.TOO_QUICK ? FormErrors.tooQuick().addAll(validation.get())
                : validation.get();
        if (errors.any()) {
            return invalid.apply(errors);
        }
        SettledSeat seat = new SettledSeat(context.supporter().id(), context.district().state(),
                context.district().district());
        boolean settleSeat = !seat.equals(session.getAttribute(SEAT));
        String view = write.write(settleSeat);
        if (settleSeat) {
            session.setAttribute(SEAT, seat);
        }
        return view;
    }

    /** The seat last stored for the visit's supporter. */
    private record SettledSeat(long supporterId, String state, int district) implements Serializable {
    }

    private @Nullable LegislatorLookup lookup(@Nullable String zip, @Nullable String district) {
        boolean hasZip = zip != null && !zip.isBlank();
        boolean hasDistrict = district != null && !district.isBlank();
        if (hasZip && hasDistrict) {
            return lookups.lookup(zip.strip(), DistrictRef.parse(district));
        }
        if (hasZip) {
            return lookups.lookup(zip.strip());
        }
        if (hasDistrict) {
            return lookups.lookupDistrict(DistrictRef.parse(district));
        }
        return null;
    }

    /**
     * The action page to come back to after the details step. A post carries the seat in
     * its body, not its address (a visit whose supporter was erased meanwhile is sent on
     * from a post), so it is added.
     */
    private static String actionPage(HttpServletRequest request, LegislatorLookup lookup) {
        if (request.getQueryString() != null) {
            return request.getRequestURI() + "?" + request.getQueryString();
        }
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(request.getRequestURI());
        if (lookup.zip() != null) {
            url.queryParam("zip", lookup.zip());
        }
        return url.queryParam("district", lookup.district().toString()).build().toUriString();
    }

    static String findStep(String slug, @Nullable String zip) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/campaigns/{slug}/legislators");
        if (zip != null && zip.strip().matches("^\\d{5}$")) {
            url.queryParam("zip", zip.strip());
        }
        return url.buildAndExpand(slug).encode().toUriString();
    }

}
