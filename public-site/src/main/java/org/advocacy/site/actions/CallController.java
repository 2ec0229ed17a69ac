package org.advocacy.site.actions;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.advocacy.campaigns.ActionKind;
import org.advocacy.legislators.Legislator;
import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.site.protection.FormGuard;
import org.advocacy.supporters.ActionOutcome;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The call action, one legislator per page: the script filled in for them, their numbers
 * as tel: links and office hours, and the outcome the supporter records before moving on
 * to the next.
 */
@Controller
class CallController {

    private final ActionFlow support;

    private final SupporterService supporters;

    private final FormGuard guard;

    private final FormValidation validation;

    CallController(ActionFlow support, SupporterService supporters, FormGuard guard, FormValidation validation) {
        this.support = support;
        this.supporters = supporters;
        this.guard = guard;
        this.validation = validation;
    }

    @GetMapping("/campaigns/{slug}/call")
    String call(@PathVariable String slug, @RequestParam(required = false) @Nullable String zip,
            @RequestParam(required = false) @Nullable String district, @RequestParam(defaultValue = "0") int step,
            @RequestParam(required = false) @Nullable String recorded, HttpServletRequest request, Model model) {
        ActionFlow.Resolution resolution = support.resolve(slug, ActionKind.CALL, zip, district, request);
        if (resolution.context() == null) {
            return "redirect:" + resolution.redirect();
        }
        ActionContext context = resolution.context();
        // The call just recorded, named in the address rather than kept in the session:
        // nothing to store per post.
        context.targets()
            .stream()
            .filter(l -> l.getBioguideId().equals(recorded))
            .findFirst()
            .ifPresent(l -> model.addAttribute("recorded", l.getTitle() + " " + l.getDisplayName()));
        int current = Math.max(0, step);
        if (current >= context.targets().size()) {
            model.addAttribute("context", context);
            model.addAttribute("campaign", context.campaign());
            return "actions/call-done";
        }
        Legislator legislator = context.targets().get(current);
        return render(context, current, new CallForm(guard.issue(), context.zip(), context.district().toString(),
                current, legislator.getBioguideId(), null, ""), new FormErrors(), model);
    }

    @PostMapping("/campaigns/{slug}/call")
    String record(@PathVariable String slug, @ModelAttribute("form") CallForm form, HttpServletRequest request,
            Model model) {
        ActionFlow.Resolution resolution = support.resolve(slug, ActionKind.CALL, form.zip(), form.district(), request);
        if (resolution.context() == null) {
            return "redirect:" + resolution.redirect();
        }
        ActionContext context = resolution.context();
        int step = form.step() == null ? 0 : Math.max(0, form.step());
        if (step >= context.targets().size()
                || !context.targets().get(step).getBioguideId().equals(form.bioguideId())) {
            return "redirect:" + context.url("call");
        }
        return support.post(context, request.getSession(), form.formToken(), form.website(),
                () -> validation.errors(form), errors -> render(context, step, form, errors, model),
                settleSeat -> record(context, step, ActionOutcome.valueOf(form.outcome()), form, settleSeat));
    }

    private String record(ActionContext context, int step, ActionOutcome outcome, CallForm form, boolean settleSeat) {
        Legislator legislator = context.targets().get(step);
        supporters.recordActions(
                List.of(new NewAction(context.supporter().id(), context.campaign().getId(), ActionType.CALL,
                        legislator.getBioguideId(), DeliveryMethod.PHONE, outcome, context.district().state(),
                        context.district().district(), "call:" + form.formToken() + ":" + legislator.getBioguideId())),
                settleSeat);
        return "redirect:" + UriComponentsBuilder.fromUriString(context.url("call"))
            .queryParam("step", step + 1)
            .queryParam("recorded", legislator.getBioguideId())
            .build()
            .toUriString();
    }

    private String render(ActionContext context, int step, CallForm form, FormErrors errors, Model model) {
        Legislator legislator = context.targets().get(step);
        model.addAttribute("context", context);
        model.addAttribute("campaign", context.campaign());
        model.addAttribute("legislator", legislator);
        model.addAttribute("script", context.fill(context.templates().callScript(), legislator));
        model.addAttribute("step", step);
        model.addAttribute("total", context.targets().size());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("outcomes", CallForm.OUTCOMES);
        model.addAttribute("dcPhone", legislator.getPhone() == null ? null : new PhoneLine("DC",
                legislator.getDcAddress(), legislator.getPhone(), tel(legislator.getPhone()), null));
        model.addAttribute("offices",
                legislator.getOffices()
                    .stream()
                    .filter(o -> o.getPhone() != null)
                    .map(o -> new PhoneLine(o.getCity(), o.streetLine(), o.getPhone(), tel(o.getPhone()), o.getHours()))
                    .toList());
        return "actions/call";
    }

    /** Phone numbers as tel: links: digits only, with the US country code. */
    static String tel(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return "tel:+" + (digits.length() == 10 ? "1" + digits : digits);
    }

    /** A number to call, ready for the page. */
    record PhoneLine(String place, @Nullable String address, String phone, String tel, @Nullable String hours) {
    }

}
