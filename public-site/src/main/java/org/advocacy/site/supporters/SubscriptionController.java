package org.advocacy.site.supporters;

import org.advocacy.supporters.SupporterService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Email links that work without logging in: the double opt-in confirmation, and unsubscribe.
 * GET /unsubscribe/{token} only asks (mail scanners follow links); POST unsubscribes, from our
 * button or as an RFC 8058 one-click request from the mail client. The token is the authorisation.
 */
@Controller
class SubscriptionController {

    private final SupporterService supporters;

    SubscriptionController(SupporterService supporters) {
        this.supporters = supporters;
    }

    @GetMapping("/subscribe/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("confirmed", supporters.confirmSubscription(token).isPresent());
        return "supporters/confirmed";
    }

    @GetMapping("/unsubscribe/{token}")
    String askToUnsubscribe(@PathVariable String token, Model model) {
        var supporter = supporters.findByUnsubscribeToken(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("token", token);
        model.addAttribute("alreadyUnsubscribed", supporter.getUnsubscribedAt() != null);
        return "supporters/unsubscribe";
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token) {
        supporters.unsubscribe(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "supporters/unsubscribed";
    }
}
