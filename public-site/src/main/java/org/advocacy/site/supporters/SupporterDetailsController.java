package org.advocacy.site.supporters;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.site.protection.FormGuard;
import org.advocacy.site.protection.SafeRedirect;
import org.advocacy.supporters.SavedVisit;
import org.advocacy.supporters.Supporter;
import org.advocacy.supporters.SupporterDetails;
import org.advocacy.supporters.SupporterService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Asks for the supporter's name, email and ZIP once per visit, then returns them to their
 * action.
 */
@Controller
class SupporterDetailsController {

    private final SupporterService supporters;

    private final SupporterMails mails;

    private final FormGuard guard;

    private final FormValidation validation;

    SupporterDetailsController(SupporterService supporters, SupporterMails mails, FormGuard guard,
            FormValidation validation) {
        this.supporters = supporters;
        this.mails = mails;
        this.guard = guard;
        this.validation = validation;
    }

    @GetMapping("/supporter")
    String form(@RequestParam(defaultValue = "/") String next, HttpSession session, Model model) {
        String safeNext = SafeRedirect.orDefault(next, "/");
        DetailsForm form = SupporterSession.current(session, supporters)
            .map(s -> new DetailsForm(s.name(), s.email(), s.zip(), false, safeNext, guard.issue(), ""))
            .orElseGet(() -> DetailsForm.empty(safeNext, guard.issue()));
        model.addAttribute("form", form);
        model.addAttribute("errors", new FormErrors());
        return "supporters/details";
    }

    @PostMapping("/supporter")
    String save(@ModelAttribute("form") DetailsForm form, HttpServletRequest request, HttpSession session,
            Locale locale, Model model) {
        String next = SafeRedirect.orDefault(form.next(), "/");
        FormGuard.Verdict verdict = guard.check(form.formToken(), form.website());
        if (verdict == FormGuard.Verdict.BOT) {
            return "redirect:" + next;
        }
        FormErrors errors = verdict == FormGuard.Verdict.TOO_QUICK
                ? FormErrors.tooQuick().addAll(validation.errors(form)) : validation.errors(form);
        if (errors.any()) {
            model.addAttribute("errors", errors);
            return "supporters/details";
        }
        // The answer is the same whether or not the address is known, so the form reveals
        // no one's membership.
        SavedVisit saved = supporters.saveVisit(
                new SupporterDetails(form.name().strip(), form.email().strip(), form.zip().strip(), null, null,
                        form.wantsUpdates()),
                SupporterSession.current(session, supporters).map(SessionSupporter::id).orElse(null));
        Supporter supporter = saved.supporter();
        if (saved.visitConfirmationToken() != null) {
            mails.sendVisitConfirmation(supporter.getEmail(), saved.visitConfirmationToken(), locale);
        }
        else if (form.wantsUpdates() && supporter.getConfirmationToken() != null) {
            mails.sendConfirmation(supporter, locale);
        }
        SupporterSession.remember(session,
                new SessionSupporter(supporter.getId(), supporter.getName(), supporter.getEmail(), form.zip().strip()));
        // The session now holds who they are: a new id, so that one fixed or seen before
        // reveals nothing.
        request.changeSessionId();
        return "redirect:" + next;
    }

}
