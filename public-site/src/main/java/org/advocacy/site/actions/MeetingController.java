package org.advocacy.site.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.advocacy.campaigns.ActionKind;
import org.advocacy.legislators.Legislator;
import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.site.protection.FormGuard;
import org.advocacy.site.supporters.SupporterMails;
import org.advocacy.supporters.MeetingRequest;
import org.advocacy.supporters.NewMeetingRequest;
import org.advocacy.supporters.SupporterService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The meeting request: each legislator's district offices nearest first, the meeting
 * letter ready to copy, and a request form stored for staff to follow up, confirmed to
 * the supporter by email.
 */
@Controller
class MeetingController {

    /** One legislator's section of the page. */
    record MeetingTarget(Legislator legislator, List<OfficeRanking.RankedOffice> offices, String letter) {
    }

    private final ActionFlow support;

    private final OfficeRanking ranking;

    private final SupporterService supporters;

    private final SupporterMails mails;

    private final FormGuard guard;

    private final FormValidation validation;

    MeetingController(ActionFlow support, OfficeRanking ranking, SupporterService supporters, SupporterMails mails,
            FormGuard guard, FormValidation validation) {
        this.support = support;
        this.ranking = ranking;
        this.supporters = supporters;
        this.mails = mails;
        this.guard = guard;
        this.validation = validation;
    }

    @GetMapping("/campaigns/{slug}/meeting")
    String meeting(@PathVariable String slug, @RequestParam(required = false) @Nullable String zip,
            @RequestParam(required = false) @Nullable String district, HttpServletRequest request, Model model) {
        ActionFlow.Resolution resolution = support.resolve(slug, ActionKind.MEETING, zip, district, request);
        if (resolution.context() == null) {
            return "redirect:" + resolution.redirect();
        }
        ActionContext context = resolution.context();
        String first = context.targets().isEmpty() ? null : context.targets().getFirst().getBioguideId();
        MeetingForm form = new MeetingForm(guard.issue(), context.zip(), context.district().toString(), first, "",
                context.supporter().name(), context.supporter().email(), "", "", "", "", "");
        return render(context, form, new FormErrors(), model);
    }

    @PostMapping("/campaigns/{slug}/meeting")
    String request(@PathVariable String slug, @ModelAttribute("form") MeetingForm form, HttpServletRequest request,
            Locale locale, Model model, RedirectAttributes redirect) {
        ActionFlow.Resolution resolution = support.resolve(slug, ActionKind.MEETING, form.zip(), form.district(),
                request);
        if (resolution.context() == null) {
            return "redirect:" + resolution.redirect();
        }
        ActionContext context = resolution.context();
        return support.post(context, request.getSession(), form.formToken(), form.website(),
                () -> validate(context, form), errors -> render(context, form, errors, model),
                settleSeat -> record(context, form, settleSeat, locale, redirect));
    }

    private String record(ActionContext context, MeetingForm form, boolean settleSeat, Locale locale,
            RedirectAttributes redirect) {
        Legislator legislator = context.target(Objects.requireNonNull(form.bioguideId())).orElseThrow();
        Optional<MeetingRequest> stored = supporters.requestMeeting(new NewMeetingRequest(context.supporter().id(),
                context.campaign().getId(), legislator.getBioguideId(), blankToNull(form.officeId()),
                form.name().strip(), form.email().strip(), blankToNull(form.phone()), form.preferredDates().strip(),
                blankToNull(form.organisation()), form.topic().strip(), context.district().state(),
                context.district().district(), "meeting:" + form.formToken() + ":" + legislator.getBioguideId()),
                settleSeat);
        String legislatorName = legislator.getTitle() + " " + legislator.getDisplayName();
        if (stored.isPresent()) {
            // Goes to the visit's own record; never to the address of a supporter the
            // visit has not proved it is.
            supporters.find(context.supporter().id())
                .ifPresent(supporter -> mails.sendMeetingConfirmation(supporter, legislatorName,
                        form.preferredDates().strip(), form.topic().strip(), context.campaign().getTitle(), locale));
        }
        redirect.addFlashAttribute("legislatorName", legislatorName);
        return "redirect:/campaigns/" + context.campaign().getSlug() + "/meeting/requested";
    }

    @GetMapping("/campaigns/{slug}/meeting/requested")
    String requested(@PathVariable String slug, Model model) {
        model.addAttribute("slug", slug);
        return "actions/meeting-requested";
    }

    private String render(ActionContext context, MeetingForm form, FormErrors errors, Model model) {
        OfficeRanking.Place place = ranking.locate(context.zip() != null ? context.zip() : context.supporter().zip(),
                context.targets());
        List<MeetingTarget> targets = new ArrayList<>();
        for (Legislator legislator : context.targets()) {
            targets.add(new MeetingTarget(legislator,
                    ranking.rank(legislator, context.zip() != null ? context.zip() : context.supporter().zip(),
                            context.district(), place),
                    context.fill(context.templates().meetingTemplate(), legislator)));
        }
        model.addAttribute("context", context);
        model.addAttribute("campaign", context.campaign());
        model.addAttribute("targets", targets);
        model.addAttribute("place", place);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "actions/meeting";
    }

    /**
     * The form's own rules (see {@link MeetingForm}), and that the legislator and office
     * are among the targets.
     */
    private FormErrors validate(ActionContext context, MeetingForm form) {
        FormErrors errors = new FormErrors();
        Legislator legislator = form.bioguideId() == null ? null : context.target(form.bioguideId()).orElse(null);
        if (legislator == null) {
            errors.reject("bioguideId", "meeting.error.legislator");
        }
        else if (form.officeId() != null && !form.officeId().isBlank()
                && legislator.getOffices().stream().noneMatch(o -> o.getId().equals(form.officeId()))) {
            errors.reject("officeId", "meeting.error.office");
        }
        return validation.errors(form, errors);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
