package org.advocacy.site.supporters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.advocacy.supporters.Supporter;
import org.advocacy.supporters.SupporterService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Email links that work without logging in: the double opt-in confirmation, the
 * confirmation that a visit giving an existing supporter's address was its owner, and
 * unsubscribe. The token is the authorisation. Mail scanners follow links (GET and HEAD),
 * so a GET only shows a page with one button and changes nothing; the POST from that
 * button acts. Unsubscribe also takes an RFC 8058 one-click POST from the mail client.
 */
@Controller
class SubscriptionController {

    private final SupporterService supporters;

    SubscriptionController(SupporterService supporters) {
        this.supporters = supporters;
    }

    @GetMapping("/subscribe/confirm/{token}")
    String askToConfirm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("pending", supporters.isConfirmationPending(token));
        return "supporters/confirm";
    }

    @PostMapping("/subscribe/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("confirmed", supporters.confirmSubscription(token).isPresent());
        return "supporters/confirmed";
    }

    @GetMapping("/supporter/confirm/{token}")
    String askToConfirmVisit(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("visit",
                supporters.findVisitToConfirm(token)
                    .map(v -> new VisitPreview(v.getName(), v.getZip(), v.isClaimWantsUpdates()))
                    .orElse(null));
        return "supporters/visit-confirm";
    }

    /**
     * The owner confirmed; if they did so from the visit's own browser, the rest of the
     * visit is theirs.
     */
    @PostMapping("/supporter/confirm/{token}")
    String confirmVisit(@PathVariable String token, HttpServletRequest request, HttpSession session, Model model) {
        Long visitId = supporters.findVisitToConfirm(token).map(Supporter::getId).orElse(null);
        Supporter owner = supporters.confirmVisit(token).orElse(null);
        model.addAttribute("confirmed", owner != null);
        if (owner != null
                && SupporterSession.current(session).filter(s -> visitId != null && s.id() == visitId).isPresent()) {
            SupporterSession.remember(session, new SessionSupporter(owner.getId(), owner.getName(), owner.getEmail(),
                    owner.getZip() == null ? "" : owner.getZip()));
            request.changeSessionId();
        }
        return "supporters/visit-confirmed";
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

    /** What the owner is asked to confirm: the details the visit gave. */
    record VisitPreview(String name, @Nullable String zip, boolean wantsUpdates) {
    }

}
