package org.advocacy.site.caching;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Tells {@link PublicResponseCacheFilter} which answers may be stored: those of
 * {@link SameForEveryone} handlers.
 */
class SameForEveryoneInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            SameForEveryone marker = method.getMethodAnnotation(SameForEveryone.class);
            if (marker != null && !carriesAny(request, marker.unlessParameters())) {
                request.setAttribute(PublicResponseCacheFilter.STORABLE, Boolean.TRUE);
            }
        }
        return true;
    }

    private static boolean carriesAny(HttpServletRequest request, String[] parameters) {
        for (String parameter : parameters) {
            if (request.getParameter(parameter) != null) {
                return true;
            }
        }
        return false;
    }

}
