package org.advocacy.site.protection;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a rate-limited post with 429, a Retry-After header and a page explaining what
 * to do.
 */
@ControllerAdvice
class TooManyRequestsAdvice {

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooManyRequests(TooManyRequestsException exception, HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(exception.retryAfterSeconds()));
        ModelAndView page = new ModelAndView("errors/too-many-requests", HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("retryAfterMinutes", Math.max(1, (exception.retryAfterSeconds() + 59) / 60));
        return page;
    }

}
