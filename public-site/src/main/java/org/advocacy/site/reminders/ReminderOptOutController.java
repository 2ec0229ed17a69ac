package org.advocacy.site.reminders;

import org.advocacy.reminders.AutomaticKind;
import org.advocacy.reminders.AutomaticReminders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Opting out of one kind of automatic reminder from the link in the email. The GET only
 * asks (mail scanners follow links); the POST, with its CSRF token, records the choice,
 * then redirects (post/redirect/get).
 */
@Controller
class ReminderOptOutController {

    private final AutomaticReminders automatic;

    ReminderOptOutController(AutomaticReminders automatic) {
        this.automatic = automatic;
    }

    @GetMapping("/reminders/opt-out/{kind}/{token}")
    String confirm(@PathVariable String kind, @PathVariable String token, Model model) {
        AutomaticKind reminderKind = kindOrNotFound(kind, token);
        model.addAttribute("kind", reminderKind.slug());
        model.addAttribute("token", token);
        return "reminders/opt-out";
    }

    @PostMapping("/reminders/opt-out/{kind}/{token}")
    String optOut(@PathVariable String kind, @PathVariable String token) {
        AutomaticKind reminderKind = kindOrNotFound(kind, token);
        if (!automatic.optOut(token, reminderKind)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/reminders/opted-out/" + reminderKind.slug();
    }

    @GetMapping("/reminders/opted-out/{kind}")
    String done(@PathVariable String kind, Model model) {
        AutomaticKind reminderKind = AutomaticKind.fromSlug(kind)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("kind", reminderKind.slug());
        return "reminders/opted-out";
    }

    private AutomaticKind kindOrNotFound(String kind, String token) {
        AutomaticKind reminderKind = AutomaticKind.fromSlug(kind)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (token.length() > 64 || !automatic.tokenExists(token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return reminderKind;
    }

}
