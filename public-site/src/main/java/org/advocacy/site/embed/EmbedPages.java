package org.advocacy.site.embed;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.advocacy.campaigns.Campaign;
import org.advocacy.embeds.EmbedPartners;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * What every widget page does: framing for the campaign's partners, the widget's
 * language, the common model.
 */
@Component
class EmbedPages {

    private final EmbedPartners partners;

    EmbedPages(EmbedPartners partners) {
        this.partners = partners;
    }

    List<String> allowedOrigins(Campaign campaign) {
        return partners.allowedOrigins(campaign.getId());
    }

    void prepare(HttpServletRequest request, Campaign campaign, EmbedState state, String sealed, Model model) {
        EmbedFraming.allow(request, allowedOrigins(campaign));
        useLanguage(request, state.locale());
        model.addAttribute("campaign", campaign);
        model.addAttribute("embed", state);
        model.addAttribute("sealed", sealed);
    }

    /** A refused post: a plain message and a way to start again; nothing was recorded. */
    String refused(HttpServletRequest request, HttpServletResponse response, Campaign campaign, EmbedRefusal refusal,
            Model model) {
        EmbedFraming.allow(request, allowedOrigins(campaign));
        response.setStatus(refusal.status.value());
        model.addAttribute("campaign", campaign);
        model.addAttribute("refusal", refusal.messageKey);
        return "embed/refused";
    }

    /**
     * The widget's language is part of its state, not a cookie (which a framed page
     * cannot keep): it is put where the site's cookie-based locale resolver looks first,
     * for this request only.
     */
    static void useLanguage(HttpServletRequest request, Locale locale) {
        request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale);
    }

}
