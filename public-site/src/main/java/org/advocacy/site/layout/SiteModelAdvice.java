package org.advocacy.site.layout;

import org.advocacy.site.protection.FormGuard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every public page's layout needs: where quick exit goes, and the honeypot's field name. */
@ControllerAdvice(basePackages = "org.advocacy.site")
class SiteModelAdvice {

    private final String quickExitUrl;

    SiteModelAdvice(@Value("${advocacy.site.quick-exit-url:https://www.weather.gov/}") String quickExitUrl) {
        this.quickExitUrl = quickExitUrl;
    }

    @ModelAttribute("quickExitUrl")
    String quickExitUrl() {
        return quickExitUrl;
    }

    @ModelAttribute("honeypot")
    String honeypot() {
        return FormGuard.HONEYPOT;
    }
}
