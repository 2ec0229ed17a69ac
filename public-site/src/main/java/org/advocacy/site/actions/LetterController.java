package org.advocacy.site.actions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.advocacy.campaigns.ActionKind;
import org.advocacy.legislators.Legislator;
import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.site.protection.FormGuard;
import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.DeliveryMethod;
import org.advocacy.supporters.NewAction;
import org.advocacy.supporters.SupporterService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The letter action: a letter per legislator from the campaign's template, which the
 * supporter can edit, then sent from their own email client or through the member's
 * contact form. One action is recorded per legislator; the form token makes a double
 * submit record it once.
 */
@Controller
class LetterController {

    private static final String PREPARED = LetterController.class.getName() + ".prepared";

    private static final int MAX_PREPARED_IN_SESSION = 5;

    private final ActionFlow support;

    private final SupporterService supporters;

    private final FormGuard guard;

    private final CwcLetterDelivery cwc;

    private final FormValidation validation;

    LetterController(ActionFlow support, SupporterService supporters, FormGuard guard, CwcLetterDelivery cwc,
            FormValidation validation) {
        this.support = support;
        this.supporters = supporters;
        this.guard = guard;
        this.cwc = cwc;
        this.validation = validation;
    }

    @GetMapping("/campaigns/{slug}/letter")
    String letter(@PathVariable String slug, @RequestParam(required = false) @Nullable String zip,
            @RequestParam(required = false) @Nullable String district, HttpServletRequest request, Model model) {
        ActionFlow.Resolution resolution = support.resolve(slug, ActionKind.LETTER, zip, district, request);
        if (resolution.context() == null) {
            return "redirect:" + resolution.redirect();
        }
        ActionContext context = resolution.context();
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Legislator legislator : context.targets()) {
            bodies.put(legislator.getBioguideId(), context.fill(context.templates().letterTemplate(), legislator));
        }
        LetterForm form = new LetterForm(guard.issue(), context.zip(), context.district().toString(),
                context.targets().stream().map(Legislator::getBioguideId).toList(), subject(context), bodies,
                DeliveryMethod.MAILTO.name(), "");
        return render(context, form, CwcAddressForm.empty(context.zip()), new FormErrors(), model);
    }

    @PostMapping("/campaigns/{slug}/letter")
    String send(@PathVariable String slug, @ModelAttribute("form") LetterForm form,
            @ModelAttribute("cwcAddress") CwcAddressForm address, HttpServletRequest request, Model model) {
        ActionFlow.Resolution resolution = support.resolve(slug, ActionKind.LETTER, form.zip(), form.district(),
                request);
        if (resolution.context() == null) {
            return "redirect:" + resolution.redirect();
        }
        ActionContext context = resolution.context();
        return support.post(context, request.getSession(), form.formToken(), form.website(),
                () -> validate(context, form, address), errors -> render(context, form, address, errors, model),
                settleSeat -> record(context, form, address, settleSeat, request.getSession()));
    }

    /**
     * The form's rules (see {@link LetterForm}), that the chosen legislators are among
     * the targets, and the address for direct delivery.
     */
    private FormErrors validate(ActionContext context, LetterForm form, CwcAddressForm address) {
        FormErrors ownTargets = form.chosenTargets().stream().anyMatch(id -> context.target(id).isEmpty())
                ? new FormErrors().reject("targets", "letter.error.unknown-target") : new FormErrors();
        FormErrors errors = validation.errors(form, ownTargets);
        return errors.addAll(cwc.validate(context, form, address, !errors.any()));
    }

    private String record(ActionContext context, LetterForm form, CwcAddressForm address, boolean settleSeat,
            HttpSession session) {
        DeliveryMethod delivery = DeliveryMethod.valueOf(form.delivery());
        String slug = context.campaign().getSlug();
        String subject = Objects.requireNonNull(form.subject());
        // Letters to offices that take CWC are recorded together with their delivery row
        // (and the seat).
        Map<String, Long> direct = cwc.queue(context, form, address, subject, settleSeat);
        List<NewAction> actions = new ArrayList<>();
        List<PreparedLetter> letters = new ArrayList<>();
        for (String bioguideId : form.chosenTargets()) {
            Legislator legislator = context.target(bioguideId).orElseThrow();
            if (!direct.containsKey(bioguideId)) {
                actions.add(new NewAction(context.supporter().id(), context.campaign().getId(), ActionType.LETTER,
                        bioguideId, delivery, null, context.district().state(), context.district().district(),
                        "letter:" + form.formToken() + ":" + bioguideId));
            }
            letters
                .add(new PreparedLetter(bioguideId, legislator.getTitle() + " " + legislator.getDisplayName(), subject,
                        form.body(bioguideId).strip(), legislator.getContactFormUrl(), legislator.getWebsiteUrl()));
        }
        supporters.recordActions(actions, settleSeat && direct.isEmpty());
        remember(session, form.formToken(), new Prepared(slug, delivery, letters, direct));
        return "redirect:/campaigns/" + slug + "/letter/ready/" + form.formToken();
    }

    @GetMapping("/campaigns/{slug}/letter/ready/{token}")
    String ready(@PathVariable String slug, @PathVariable String token, HttpSession session, Model model) {
        Prepared prepared = prepared(session).get(token);
        if (prepared == null || !prepared.slug().equals(slug)) {
            return "redirect:/campaigns/" + slug;
        }
        model.addAttribute("slug", slug);
        model.addAttribute("delivery", prepared.delivery().name());
        model.addAttribute("letters", prepared.letters());
        model.addAttribute("cwcEnabled", cwc.enabled());
        model.addAttribute("cwcStates",
                CwcLetterDelivery.statesByMember(prepared.direct(), cwc.states(prepared.direct())));
        return "actions/letter-ready";
    }

    private String render(ActionContext context, LetterForm form, CwcAddressForm address, FormErrors errors,
            Model model) {
        cwc.addToModel(context, address, model);
        model.addAttribute("context", context);
        model.addAttribute("campaign", context.campaign());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxBody", LetterForm.MAX_BODY);
        model.addAttribute("deliveries", LetterForm.DELIVERIES);
        return "actions/letter";
    }

    private static String subject(ActionContext context) {
        return context.targets().isEmpty() ? context.templates().letterSubject()
                : context.fill(context.templates().letterSubject(), context.targets().getFirst());
    }

    record Prepared(String slug, DeliveryMethod delivery, List<PreparedLetter> letters,
            Map<String, Long> direct) implements Serializable {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Prepared> prepared(HttpSession session) {
        Object value = session.getAttribute(PREPARED);
        return value instanceof Map<?, ?> map ? (Map<String, Prepared>) map : Map.of();
    }

    private static void remember(HttpSession session, String token, Prepared prepared) {
        LinkedHashMap<String, Prepared> all = new LinkedHashMap<>(prepared(session));
        all.put(token, prepared);
        while (all.size() > MAX_PREPARED_IN_SESSION) {
            all.remove(all.keySet().iterator().next());
        }
        session.setAttribute(PREPARED, all);
    }

}
