package org.advocacy.site.protection;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every text the public site binds from a request (form records, request parameters, path
 * variables) passes through {@link PublicText#clean}. Besides what that keeps out of
 * staff's screens, PostgreSQL refuses NUL in text, so a NUL in a story or a name would
 * otherwise end in a server error instead of a stored story. Sizes are capped before
 * binding, by {@link ParameterLimitFilter}.
 */
@ControllerAdvice(basePackages = "org.advocacy.site")
class PublicTextAdvice {

    @InitBinder
    void cleanText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(PublicText.clean(text));
            }
        });
    }

}
