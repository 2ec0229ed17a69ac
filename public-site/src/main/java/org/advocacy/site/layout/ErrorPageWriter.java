package org.advocacy.site.layout;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Writes the site's error page (the one {@link SiteErrorController} shows) straight from
 * a filter, for a request whose parameters cannot be read: the container keeps refusing
 * them, so the usual error dispatch, which reads them again, would fail with a stack
 * trace. The page is rendered against a view of the request without parameters, in the
 * visitor's language (cookie or browser), with the hotline and quick exit.
 */
@Component
public class ErrorPageWriter {

    /**
     * Statuses with a message of their own; others get the generic one for their class.
     */
    private static final Map<Integer, String> MESSAGES = Map.of(400, "error.400", 403, "error.403", 404, "error.404",
            405, "error.405", 413, "error.413", 414, "error.414", 429, "error.429");

    private final ViewResolver views;

    private final LocaleResolver locales;

    private final String quickExitUrl;

    ErrorPageWriter(@Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales,
            @Value("${advocacy.site.quick-exit-url:https://www.weather.gov/}") String quickExitUrl) {
        this.views = views;
        this.locales = locales;
        this.quickExitUrl = quickExitUrl;
    }

    static String messageKey(HttpStatus status) {
        return MESSAGES.getOrDefault(status.value(), status.is4xxClientError() ? "error.400" : "error.generic");
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws Exception {
        HttpServletRequest withoutParameters = new WithoutParameters(request);
        withoutParameters.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        withoutParameters.setAttribute(QuickExitFilter.ATTRIBUTE, quickExitUrl);
        Locale locale = locales.resolveLocale(withoutParameters);
        View view = views.resolveViewName("error", locale);
        response.setStatus(status.value());
        if (view == null) {
            response.sendError(status.value());
            return;
        }
        response.setLocale(locale);
        view.render(Map.of("status", status.value(), "messageKey", messageKey(status)), withoutParameters, response);
    }

    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return null;
        }

    }

}
