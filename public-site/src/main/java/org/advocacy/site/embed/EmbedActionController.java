package org.advocacy.site.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.advocacy.campaigns.ActionKind;
import org.advocacy.campaigns.SampleSupporter;
import org.advocacy.embeds.EmbedPartners;
import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.Legislator;
import org.advocacy.site.actions.CallForm;
import org.advocacy.site.actions.LetterForm;
import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.supporters.ActionOutcome;
import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.DeliveryMethod;
import org.advocacy.supporters.NewAction;
import org.advocacy.supporters.Supporter;
import org.advocacy.supporters.SupporterService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The widget's letter and call, for the supporter and seat sealed in its state. Each post
 * runs in the site's order: the form's token (refused with a plain message when forged,
 * expired or taken from another form), the honeypot, validation, then one write that
 * records the actions with the partner site that brought them. A replayed post finds its
 * actions already recorded and is refused.
 */
@Controller
class EmbedActionController {

    private final EmbedCampaigns campaigns;

    private final EmbedPages pages;

    private final EmbedSeal seal;

    private final EmbedFormTokens tokens;

    private final SupporterService supporters;

    private final EmbedPartners partners;

    private final FormValidation validation;

    EmbedActionController(EmbedCampaigns campaigns, EmbedPages pages, EmbedSeal seal, EmbedFormTokens tokens,
            SupporterService supporters, EmbedPartners partners, FormValidation validation) {
        this.validation = validation;
        this.campaigns = campaigns;
        this.pages = pages;
        this.seal = seal;
        this.tokens = tokens;
        this.supporters = supporters;
        this.partners = partners;
    }

    /**
     * The supporter and seat of a state, when it opens, belongs to this campaign and its
     * supporter still exists.
     */
    private record Journey(EmbedCampaigns.Setup setup, EmbedState state, String sealed, Supporter supporter,
            List<Legislator> targets) {

        SampleSupporter sample() {
            return new SampleSupporter(supporter.getName(), state.zip(), state.zip());
        }

        Optional<Legislator> target(String bioguideId) {
            return targets.stream().filter(l -> l.getBioguideId().equals(bioguideId)).findFirst();
        }

        DistrictRef district() {
            return DistrictRef.parse(state.district());
        }
    }

    private Optional<Journey> journey(EmbedCampaigns.Setup setup, @Nullable String sealed, ActionKind kind) {
        return seal.open(sealed)
            .filter(s -> s.slug().equals(setup.campaign().getSlug()) && s.offers(kind) && s.hasSupporter())
            .flatMap(state -> supporters.find(state.supporterId())
                .map(supporter -> new Journey(setup, state, sealed, supporter,
                        campaigns.targets(setup, state.zip(), state.district()))));
    }

    private EmbedCampaigns.Setup setup(String slug) {
        return campaigns.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Back to the widget's first page, keeping its options (a state that no longer opens
     * has none to keep).
     */
    private String restart(EmbedCampaigns.Setup setup, @Nullable String sealed) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/embed/{slug}");
        seal.open(sealed)
            .ifPresent(state -> url.queryParam("partner", state.partner())
                .queryParam("actions", String.join(",", state.actions().stream().map(ActionKind::name).toList()))
                .queryParam("language", state.language())
                .queryParam("signup", state.signup())
                .queryParam("button", state.button())
                .queryParam("widget", state.widget()));
        return "redirect:" + url.buildAndExpand(setup.campaign().getSlug()).encode().toUriString();
    }

    // ---- The letter ----

    @GetMapping("/embed/{slug}/letter")
    String letter(@PathVariable String slug, @RequestParam(name = "s", required = false) @Nullable String sealed,
            HttpServletRequest request, Model model) {
        EmbedCampaigns.Setup setup = setup(slug);
        Journey journey = journey(setup, sealed, ActionKind.LETTER).orElse(null);
        if (journey == null || !setup.open()) {
            return restart(setup, sealed);
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Legislator legislator : journey.targets()) {
            bodies.put(legislator.getBioguideId(),
                    setup.fill(setup.templates().letterTemplate(), legislator, journey.sample()));
        }
        String subject = journey.targets().isEmpty() ? setup.templates().letterSubject()
                : setup.fill(setup.templates().letterSubject(), journey.targets().getFirst(), journey.sample());
        return renderLetter(request, journey, subject, bodies,
                journey.targets().stream().map(Legislator::getBioguideId).toList(), DeliveryMethod.MAILTO.name(),
                new FormErrors(), model);
    }

    @PostMapping("/embed/{slug}/letter")
    String sendLetter(@PathVariable String slug, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        EmbedCampaigns.Setup setup = setup(slug);
        String sealed = params.getFirst("s");
        Journey journey = journey(setup, sealed, ActionKind.LETTER).orElse(null);
        if (journey == null) {
            return pages.refused(request, response, setup.campaign(), EmbedRefusal.STATE, model);
        }
        EmbedPages.useLanguage(request, journey.state().locale());
        String token = params.getFirst("formToken");
        EmbedFormTokens.Check check = tokens.check(token, letterBinding(journey));
        if (check == EmbedFormTokens.Check.FORGED || check == EmbedFormTokens.Check.EXPIRED) {
            return pages.refused(request, response, setup.campaign(), EmbedRefusal.of(check), model);
        }
        if (!setup.open()) {
            return restart(setup, sealed);
        }
        if (!text(params.getFirst("website")).isEmpty()) {
            return "redirect:" + EmbedStartController.EmbedLinks.of(slug, "done", journey.sealed());
        }
        String subject = text(params.getFirst("subject"));
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Legislator legislator : journey.targets()) {
            bodies.put(legislator.getBioguideId(), text(params.getFirst("body-" + legislator.getBioguideId())));
        }
        String delivery = text(params.getFirst("delivery"));
        // The site's letter form and rules, and the same check of the chosen against the
        // supporter's own legislators.
        LetterForm form = new LetterForm(token, null, null, params.getOrDefault("targets", List.of()), subject, bodies,
                delivery, null);
        List<String> chosen = form.chosenTargets();
        FormErrors ownTargets = chosen.stream().anyMatch(id -> journey.target(id).isEmpty())
                ? new FormErrors().reject("targets", "letter.error.unknown-target") : new FormErrors();
        FormErrors errors = (check == EmbedFormTokens.Check.TOO_QUICK ? FormErrors.tooQuick() : new FormErrors())
            .addAll(validation.errors(form, ownTargets));
        if (errors.any()) {
            return renderLetter(request, journey, subject, bodies, chosen, delivery, errors, model);
        }
        String nonce = EmbedFormTokens.nonce(token);
        DeliveryMethod method = DeliveryMethod.valueOf(delivery);
        List<NewAction> actions = new ArrayList<>();
        List<EmbeddedLetter> letters = new ArrayList<>();
        for (String id : chosen) {
            Legislator legislator = journey.target(id).orElseThrow();
            actions.add(new NewAction(journey.supporter().getId(), setup.campaign().getId(), ActionType.LETTER, id,
                    method, null, journey.district().state(), journey.district().district(),
                    "embed-letter:" + nonce + ":" + id));
            letters.add(new EmbeddedLetter(id, legislator.getTitle() + " " + legislator.getDisplayName(), subject,
                    bodies.get(id), legislator.getContactFormUrl() != null ? legislator.getContactFormUrl()
                            : legislator.getWebsiteUrl()));
        }
        if (partners.recordActions(actions, true, journey.state().partner()) == 0) {
            return pages.refused(request, response, setup.campaign(), EmbedRefusal.REPLAYED, model);
        }
        // Answered here rather than redirected: the letters as edited live only in this
        // post, never in a session.
        pages.prepare(request, setup.campaign(), journey.state(), journey.sealed(), model);
        model.addAttribute("letters", letters);
        model.addAttribute("delivery", delivery);
        model.addAttribute("callUrl",
                journey.state().offers(ActionKind.CALL) && setup.campaign().isEnabled(ActionKind.CALL)
                        ? EmbedStartController.EmbedLinks.of(slug, "call", journey.sealed()) : null);
        return "embed/letter-ready";
    }

    private String renderLetter(HttpServletRequest request, Journey journey, String subject, Map<String, String> bodies,
            List<String> chosen, String delivery, FormErrors errors, Model model) {
        pages.prepare(request, journey.setup().campaign(), journey.state(), journey.sealed(), model);
        model.addAttribute("targets", journey.targets());
        model.addAttribute("chosen", chosen);
        model.addAttribute("subject", subject);
        model.addAttribute("bodies", bodies);
        model.addAttribute("delivery", delivery);
        model.addAttribute("deliveries", LetterForm.DELIVERIES);
        model.addAttribute("maxBody", LetterForm.MAX_BODY);
        model.addAttribute("errors", errors);
        model.addAttribute("formToken", tokens.issue(letterBinding(journey)));
        return "embed/letter";
    }

    private static String letterBinding(Journey journey) {
        return EmbedFormTokens.binding("letter", journey.state().slug(), journey.sealed(),
                String.join(",", journey.targets().stream().map(Legislator::getBioguideId).toList()));
    }

    // ---- The call, one legislator per page ----

    @GetMapping("/embed/{slug}/call")
    String call(@PathVariable String slug, @RequestParam(name = "s", required = false) @Nullable String sealed,
            @RequestParam(defaultValue = "0") int step, @RequestParam(required = false) @Nullable String recorded,
            HttpServletRequest request, Model model) {
        EmbedCampaigns.Setup setup = setup(slug);
        Journey journey = journey(setup, sealed, ActionKind.CALL).orElse(null);
        if (journey == null || !setup.open()) {
            return restart(setup, sealed);
        }
        journey.targets()
            .stream()
            .filter(l -> l.getBioguideId().equals(recorded))
            .findFirst()
            .ifPresent(l -> model.addAttribute("recorded", l.getTitle() + " " + l.getDisplayName()));
        int current = Math.max(0, step);
        if (current >= journey.targets().size()) {
            return "redirect:" + EmbedStartController.EmbedLinks.of(slug, "done", journey.sealed());
        }
        return renderCall(request, journey, current, null, new FormErrors(), model);
    }

    @PostMapping("/embed/{slug}/call")
    String recordCall(@PathVariable String slug, @RequestParam(name = "s", required = false) @Nullable String sealed,
            @RequestParam(required = false) @Nullable String formToken,
            @RequestParam(required = false) @Nullable String step,
            @RequestParam(required = false) @Nullable String bioguideId,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String website, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        EmbedCampaigns.Setup setup = setup(slug);
        Journey journey = journey(setup, sealed, ActionKind.CALL).orElse(null);
        if (journey == null) {
            return pages.refused(request, response, setup.campaign(), EmbedRefusal.STATE, model);
        }
        EmbedPages.useLanguage(request, journey.state().locale());
        EmbedFormTokens.Check check = tokens.check(formToken, callBinding(journey, text(step), text(bioguideId)));
        if (check == EmbedFormTokens.Check.FORGED || check == EmbedFormTokens.Check.EXPIRED) {
            return pages.refused(request, response, setup.campaign(), EmbedRefusal.of(check), model);
        }
        if (!setup.open()) {
            return restart(setup, sealed);
        }
        int current;
        try {
            current = Integer.parseInt(text(step));
        }
        catch (NumberFormatException e) {
            current = -1;
        }
        if (current < 0 || current >= journey.targets().size()
                || !journey.targets().get(current).getBioguideId().equals(bioguideId)) {
            // The legislators changed since the form was rendered (a roster update): show
            // the list as it is now.
            return "redirect:" + EmbedStartController.EmbedLinks.of(slug, "call", journey.sealed());
        }
        if (website != null && !website.isEmpty()) {
            return "redirect:" + EmbedStartController.EmbedLinks.of(slug, "done", journey.sealed());
        }
        FormErrors errors = (check == EmbedFormTokens.Check.TOO_QUICK ? FormErrors.tooQuick() : new FormErrors())
            .addAll(validation.errors(new CallForm(formToken, null, null, current, bioguideId, outcome, website)));
        if (errors.any()) {
            return renderCall(request, journey, current, outcome, errors, model);
        }
        Legislator legislator = journey.targets().get(current);
        NewAction action = new NewAction(journey.supporter().getId(), setup.campaign().getId(), ActionType.CALL,
                legislator.getBioguideId(), DeliveryMethod.PHONE, ActionOutcome.valueOf(outcome),
                journey.district().state(), journey.district().district(),
                "embed-call:" + EmbedFormTokens.nonce(formToken) + ":" + legislator.getBioguideId());
        if (partners.recordActions(List.of(action), true, journey.state().partner()) == 0) {
            return pages.refused(request, response, setup.campaign(), EmbedRefusal.REPLAYED, model);
        }
        return "redirect:"
                + UriComponentsBuilder.fromUriString(EmbedStartController.EmbedLinks.of(slug, "call", journey.sealed()))
                    .queryParam("step", current + 1)
                    .queryParam("recorded", legislator.getBioguideId())
                    .build()
                    .toUriString();
    }

    private String renderCall(HttpServletRequest request, Journey journey, int step, @Nullable String outcome,
            FormErrors errors, Model model) {
        Legislator legislator = journey.targets().get(step);
        pages.prepare(request, journey.setup().campaign(), journey.state(), journey.sealed(), model);
        model.addAttribute("legislator", legislator);
        model.addAttribute("script",
                journey.setup().fill(journey.setup().templates().callScript(), legislator, journey.sample()));
        model.addAttribute("step", step);
        model.addAttribute("total", journey.targets().size());
        model.addAttribute("outcome", outcome);
        model.addAttribute("outcomes", CallForm.OUTCOMES);
        model.addAttribute("errors", errors);
        model.addAttribute("phone", legislator.getPhone());
        model.addAttribute("tel", legislator.getPhone() == null ? null : tel(legislator.getPhone()));
        model.addAttribute("formToken",
                tokens.issue(callBinding(journey, Integer.toString(step), legislator.getBioguideId())));
        return "embed/call";
    }

    private static String callBinding(Journey journey, String step, String bioguideId) {
        return EmbedFormTokens.binding("call", journey.state().slug(), journey.sealed(), step, bioguideId);
    }

    // ---- The end ----

    @GetMapping("/embed/{slug}/done")
    String done(@PathVariable String slug, @RequestParam(name = "s", required = false) @Nullable String sealed,
            HttpServletRequest request, Model model) {
        EmbedCampaigns.Setup setup = setup(slug);
        EmbedState state = seal.open(sealed).filter(s -> s.slug().equals(setup.campaign().getSlug())).orElse(null);
        if (state == null) {
            return restart(setup, sealed);
        }
        pages.prepare(request, setup.campaign(), state, sealed, model);
        model.addAttribute("letterUrl", state.hasSupporter() && state.offers(ActionKind.LETTER)
                ? EmbedStartController.EmbedLinks.of(slug, "letter", sealed) : null);
        model.addAttribute("callUrl", state.hasSupporter() && state.offers(ActionKind.CALL)
                ? EmbedStartController.EmbedLinks.of(slug, "call", sealed) : null);
        return "embed/done";
    }

    static String tel(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return "tel:+" + (digits.length() == 10 ? "1" + digits : digits);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

}
