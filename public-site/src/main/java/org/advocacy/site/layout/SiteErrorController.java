package org.advocacy.site.layout;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page, in place of Boot's: the status the failed request ended with, a page in
 * the visitor's language with the hotline and quick exit (or a one-line JSON error for
 * API clients), never details of the failure. Asked for directly ({@code GET /error})
 * there is no failed request: that is a page that does not exist, not a server error.
 */
@Controller
class SiteErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("messageKey", ErrorPageWriter.messageKey(status));
        return page;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Map<String, String>> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", status.getReasonPhrase()));
    }

    static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value)) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(value);
        return status != null && (status.is4xxClientError() || status.is5xxServerError()) ? status
                : HttpStatus.INTERNAL_SERVER_ERROR;
    }

}
