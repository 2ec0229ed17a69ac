package org.advocacy.site.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.advocacy.campaigns.ActionKind;
import org.advocacy.embeds.EmbedPartners;
import org.advocacy.embeds.PartnerOrigin;
import org.advocacy.legislators.LegislatorLookup;
import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.site.supporters.SupporterMails;
import org.advocacy.supporters.SavedVisit;
import org.advocacy.supporters.Supporter;
import org.advocacy.supporters.SupporterDetails;
import org.advocacy.supporters.SupporterService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The widget's first page, framed by a partner site: the campaign in a few lines and one
 * short form (name, email, ZIP, the optional sign-up ask and which action). Its post
 * saves the supporter as the site's details step does, then carries them on, sealed, to
 * the letter or the call.
 */
@Controller
class EmbedStartController {

    private static final Pattern WIDGET_ID = Pattern.compile("^[A-Za-z0-9_-]{1,40}$");

    private final EmbedCampaigns campaigns;

    private final EmbedPages pages;

    private final EmbedSeal seal;

    private final EmbedFormTokens tokens;

    private final SupporterService supporters;

    private final SupporterMails mails;

    private final EmbedPartners partners;

    private final FormValidation validation;

    EmbedStartController(EmbedCampaigns campaigns, EmbedPages pages, EmbedSeal seal, EmbedFormTokens tokens,
            SupporterService supporters, SupporterMails mails, EmbedPartners partners, FormValidation validation) {
        this.validation = validation;
        this.partners = partners;
        this.campaigns = campaigns;
        this.pages = pages;
        this.seal = seal;
        this.tokens = tokens;
        this.supporters = supporters;
        this.mails = mails;
    }

    /**
     * The options come from the embed code: {@code partner} (the embedding page's origin,
     * counted only when staff allowed it), {@code actions} (letter, call),
     * {@code language} (en, es), {@code signup} (false to leave out the sign-up ask),
     * {@code button} (the start button's text) and {@code widget} (which widget on the
     * partner's page this is, for its height messages).
     */
    @GetMapping("/embed/{slug}")
    String start(@PathVariable String slug, @RequestParam(required = false) @Nullable String partner,
            @RequestParam(required = false) @Nullable String actions,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String signup,
            @RequestParam(required = false) @Nullable String button,
            @RequestParam(required = false) @Nullable String widget, HttpServletRequest request, Model model) {
        EmbedCampaigns.Setup setup = campaigns.find(slug)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> allowed = pages.allowedOrigins(setup.campaign());
        String partnerOrigin = PartnerOrigin.parse(partner).filter(allowed::contains).orElse("");
        List<ActionKind> offered = offered(setup, actions);
        String lang = "es".equalsIgnoreCase(language) ? "es" : "en";
        boolean askSignup = !(signup != null
                && List.of("false", "0", "no").contains(signup.strip().toLowerCase(Locale.ROOT)));
        String buttonText = button == null ? "" : button.strip();
        if (buttonText.length() > EmbedState.MAX_BUTTON) {
            buttonText = buttonText.substring(0, EmbedState.MAX_BUTTON);
        }
        String widgetId = widget != null && WIDGET_ID.matcher(widget).matches() ? widget : "";
        EmbedState state = new EmbedState(setup.campaign().getSlug(), partnerOrigin, offered, lang, askSignup,
                buttonText, widgetId, null, "", "", seal.now());
        String sealed = seal.seal(state);
        pages.prepare(request, setup.campaign(), state, sealed, model);
        if (!setup.open() || offered.isEmpty()) {
            return "embed/closed";
        }
        return render(setup, state, EmbedStartForm.empty(sealed, tokens.issue(binding(slug, sealed))), new FormErrors(),
                null, model);
    }

    @PostMapping("/embed/{slug}/start")
    String begin(@PathVariable String slug, @ModelAttribute("form") EmbedStartForm form, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        EmbedCampaigns.Setup setup = campaigns.find(slug)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String sealed = EmbedStartForm.text(form.state());
        EmbedState state = seal.open(sealed).filter(s -> s.slug().equals(setup.campaign().getSlug())).orElse(null);
        if (state == null) {
            return pages.refused(request, response, setup.campaign(), EmbedRefusal.STATE, model);
        }
        EmbedPages.useLanguage(request, state.locale());
        EmbedFormTokens.Check check = tokens.check(form.formToken(), binding(slug, sealed));
        if (check == EmbedFormTokens.Check.FORGED || check == EmbedFormTokens.Check.EXPIRED) {
            return pages.refused(request, response, setup.campaign(), EmbedRefusal.of(check), model);
        }
        pages.prepare(request, setup.campaign(), state, sealed, model);
        if (!setup.open()) {
            return "embed/closed";
        }
        if (form.website() != null && !form.website().isEmpty()) {
            // A bot that filled the honeypot: thanked as if it had acted, and nothing is
            // stored (as on the site).
            return "redirect:" + EmbedLinks.of(slug, "done", sealed);
        }
        FormErrors errors = check == EmbedFormTokens.Check.TOO_QUICK
                ? FormErrors.tooQuick().addAll(validate(state, form)) : validate(state, form);
        LegislatorLookup lookup = null;
        if (!errors.has("zip")) {
            lookup = campaigns.lookup(form.zip(), form.district()).orElse(null);
            if (lookup == null || lookup.candidates().isEmpty()) {
                errors.reject("zip", "lookup.error.UNKNOWN_ZIP");
            }
            else if (!lookup.settled() || lookup.district() == null) {
                errors.reject("district", "embed.error.district");
            }
        }
        if (errors.any()) {
            EmbedStartForm again = form.withToken(tokens.issue(binding(slug, sealed)));
            return render(setup, state, again, errors, lookup, model);
        }
        if (!partners.useFormOnce(EmbedFormTokens.nonce(form.formToken()))) {
            return pages.refused(request, response, setup.campaign(), EmbedRefusal.REPLAYED, model);
        }
        SavedVisit saved = supporters.saveVisit(new SupporterDetails(form.name(), form.email(), form.zip(), null, null,
                state.signup() && form.wantsUpdates()), state.supporterId());
        Supporter supporter = saved.supporter();
        if (saved.visitConfirmationToken() != null) {
            mails.sendVisitConfirmation(supporter.getEmail(), saved.visitConfirmationToken(), state.locale());
        }
        else if (state.signup() && form.wantsUpdates() && supporter.getConfirmationToken() != null) {
            mails.sendConfirmation(supporter, state.locale());
        }
        EmbedState next = state.withSupporter(supporter.getId(), form.zip(), lookup.district().toString(), seal.now());
        ActionKind action = chosen(state, form);
        return "redirect:" + EmbedLinks.of(slug, action == ActionKind.CALL ? "call" : "letter", seal.seal(next));
    }

    private String render(EmbedCampaigns.Setup setup, EmbedState state, EmbedStartForm form, FormErrors errors,
            @Nullable LegislatorLookup lookup, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("actions", state.actions().stream().map(ActionKind::name).toList());
        model.addAttribute("districts", lookup == null || lookup.settled() ? List.of()
                : lookup.candidates().stream().map(c -> c.district().toString()).toList());
        model.addAttribute("campaignUrl", "/campaigns/" + setup.campaign().getSlug());
        return "embed/start";
    }

    /**
     * The form's rules (see {@link EmbedStartForm}), and a choice among the actions the
     * widget offers.
     */
    private FormErrors validate(EmbedState state, EmbedStartForm form) {
        FormErrors errors = new FormErrors();
        if (state.actions().size() > 1 && chosenOrNull(state, form) == null) {
            errors.reject("action-" + state.actions().getFirst().name(), "embed.error.action");
        }
        return validation.errors(form, errors);
    }

    private static @Nullable ActionKind chosenOrNull(EmbedState state, EmbedStartForm form) {
        if (state.actions().size() == 1) {
            return state.actions().getFirst();
        }
        return state.actions().stream().filter(kind -> kind.name().equals(form.action())).findFirst().orElse(null);
    }

    private static ActionKind chosen(EmbedState state, EmbedStartForm form) {
        ActionKind kind = chosenOrNull(state, form);
        return kind == null ? state.actions().getFirst() : kind;
    }

    /**
     * The actions asked for that the campaign has and a widget can hold; all of those
     * when none is asked for.
     */
    private static List<ActionKind> offered(EmbedCampaigns.Setup setup, @Nullable String actions) {
        List<ActionKind> available = setup.embeddable();
        if (actions == null || actions.isBlank()) {
            return available;
        }
        List<ActionKind> offered = new ArrayList<>();
        Arrays.stream(actions.split(","))
            .map(a -> a.strip().toUpperCase(Locale.ROOT))
            .forEach(name -> available.stream()
                .filter(k -> k.name().equals(name) && !offered.contains(k))
                .findFirst()
                .ifPresent(offered::add));
        return offered;
    }

    static String binding(String slug, String sealed) {
        return EmbedFormTokens.binding("start", slug, sealed);
    }

    /** Links within the widget, e.g. /embed/tsra/letter?s=…, built in one place. */
    static final class EmbedLinks {

        private EmbedLinks() {
        }

        static String of(String slug, String step, String sealed) {
            return UriComponentsBuilder.fromPath("/embed/{slug}/" + step)
                .queryParam("s", sealed)
                .buildAndExpand(slug)
                .encode()
                .toUriString();
        }

    }

}
