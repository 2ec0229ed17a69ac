package org.advocacy.site.stories;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.shared.PublicUrls;
import org.advocacy.site.caching.SameForEveryone;
import org.advocacy.site.layout.FormErrors;
import org.advocacy.site.layout.FormValidation;
import org.advocacy.site.protection.FormGuard;
import org.advocacy.site.supporters.SupporterMails;
import org.advocacy.stories.Attribution;
import org.advocacy.stories.Story;
import org.advocacy.stories.StoryService;
import org.advocacy.stories.StoryStatus;
import org.advocacy.stories.StorySubmission;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Survivor stories: a page per published story, the submission form with its separate
 * consent choices, and the private link that withdraws consent at any time.
 */
@Controller
class StoryController {

    private static final String SUBMITTED = StoryController.class.getName() + ".submitted";

    /** Submissions remembered per visit, so a double submit stores one story. */
    private static final int MAX_REMEMBERED = 5;

    private final CampaignService campaigns;

    private final StoryService stories;

    private final SupporterMails mails;

    private final PublicUrls urls;

    private final FormGuard guard;

    private final FormValidation validation;

    StoryController(CampaignService campaigns, StoryService stories, SupporterMails mails, PublicUrls urls,
            FormGuard guard, FormValidation validation) {
        this.campaigns = campaigns;
        this.stories = stories;
        this.mails = mails;
        this.urls = urls;
        this.guard = guard;
        this.validation = validation;
    }

    @SameForEveryone
    @GetMapping("/campaigns/{slug}/stories/{id:\\d+}")
    String story(@PathVariable String slug, @PathVariable long id, Model model) {
        Campaign campaign = campaign(slug);
        Story story = stories.findPublished(id)
            .filter(s -> campaign.getId().equals(s.getCampaignId()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("campaign", campaign);
        model.addAttribute("story", story);
        return "stories/show";
    }

    @GetMapping("/campaigns/{slug}/stories/new")
    String form(@PathVariable String slug, Model model) {
        return render(campaign(slug), StoryForm.empty(guard.issue()), new FormErrors(), model);
    }

    @PostMapping("/campaigns/{slug}/stories")
    String submit(@PathVariable String slug, @ModelAttribute("form") StoryForm form, HttpSession session, Locale locale,
            Model model, RedirectAttributes redirect) {
        Campaign campaign = campaign(slug);
        FormGuard.Verdict verdict = guard.check(form.formToken(), form.website());
        if (verdict == FormGuard.Verdict.BOT) {
            return "redirect:/campaigns/" + slug + "/thanks";
        }
        Map<String, String> submitted = submitted(session);
        String earlier = submitted.get(form.formToken());
        if (earlier != null) {
            redirect.addFlashAttribute("withdrawalUrl", urls.baseUrl() + "/stories/withdraw/" + earlier);
            return "redirect:/campaigns/" + slug + "/stories/submitted";
        }
        FormErrors errors = verdict == FormGuard.Verdict.TOO_QUICK ? FormErrors.tooQuick().addAll(validate(form))
                : validate(form);
        if (errors.any()) {
            return render(campaign, form, errors, model);
        }
        Attribution attribution = Attribution.valueOf(form.attribution());
        Story story = stories.submit(new StorySubmission(campaign.getId(), form.title(), form.body(), attribution,
                attribution == Attribution.ANONYMOUS ? null : form.displayName(), form.contentWarning(),
                form.contactEmail(), form.publish(), form.offices(), form.press()));
        Map<String, String> updated = new LinkedHashMap<>(submitted);
        updated.put(form.formToken(), story.getWithdrawalToken());
        while (updated.size() > MAX_REMEMBERED) {
            updated.remove(updated.keySet().iterator().next());
        }
        session.setAttribute(SUBMITTED, updated);
        String withdrawalUrl = urls.baseUrl() + "/stories/withdraw/" + story.getWithdrawalToken();
        if (story.getContactEmail() != null) {
            mails.sendStoryReceipt(story.getContactEmail(), withdrawalUrl, locale);
        }
        redirect.addFlashAttribute("withdrawalUrl", withdrawalUrl);
        return "redirect:/campaigns/" + slug + "/stories/submitted";
    }

    @GetMapping("/campaigns/{slug}/stories/submitted")
    String submitted(@PathVariable String slug, Model model) {
        model.addAttribute("campaign", campaign(slug));
        return "stories/submitted";
    }

    @GetMapping("/stories/withdraw/{token}")
    String askToWithdraw(@PathVariable String token, Model model) {
        Story story = stories.findByWithdrawalToken(token)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("story", story);
        model.addAttribute("token", token);
        model.addAttribute("withdrawn", story.getStatus() == StoryStatus.WITHDRAWN);
        return "stories/withdraw";
    }

    @PostMapping("/stories/withdraw/{token}")
    String withdraw(@PathVariable String token, RedirectAttributes redirect) {
        stories.withdrawConsent(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "redirect:/stories/withdraw/" + token;
    }

    private Campaign campaign(String slug) {
        return campaigns.findPublic(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String render(Campaign campaign, StoryForm form, FormErrors errors, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("attributions", List.of("ANONYMOUS", "PSEUDONYM", "NAME"));
        model.addAttribute("maxBody", StorySubmission.MAX_BODY);
        return "stories/new";
    }

    /**
     * The form's own rules (see {@link StoryForm}), and those that depend on each other:
     * an attribution, a name to show unless anonymous, and at least one use consented to.
     */
    private FormErrors validate(StoryForm form) {
        FormErrors errors = new FormErrors();
        Attribution attribution = attribution(form.attribution());
        if (attribution == null) {
            errors.reject("attribution-ANONYMOUS", "story.error.attribution");
        }
        else if (attribution != Attribution.ANONYMOUS) {
            if (form.displayName() == null || form.displayName().isBlank()) {
                errors.reject("displayName", "story.error.display-name");
            }
            else if (form.displayName().strip().length() > StorySubmission.MAX_DISPLAY_NAME) {
                errors.reject("displayName", "form.error.too-long", StorySubmission.MAX_DISPLAY_NAME);
            }
        }
        if (!form.publish() && !form.offices() && !form.press()) {
            errors.reject("publishOnSite", "story.error.consent");
        }
        return validation.errors(form, errors);
    }

    private static @Nullable Attribution attribution(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (Attribution attribution : Attribution.values()) {
            if (attribution.name().equals(value)) {
                return attribution;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> submitted(HttpSession session) {
        Object value = session.getAttribute(SUBMITTED);
        return value instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

}
