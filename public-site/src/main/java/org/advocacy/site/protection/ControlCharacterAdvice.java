package org.advocacy.site.protection;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Drops control characters (NUL and the like; tabs and line breaks are kept) from every text the public
 * site binds from a request. People never type them, and PostgreSQL refuses NUL in text, so a NUL in a
 * story or a name would otherwise end in a server error instead of a stored story.
 */
@ControllerAdvice(basePackages = "org.advocacy.site")
class ControlCharacterAdvice {

    private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]");

    @InitBinder
    void dropControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null ? null : CONTROL.matcher(text).replaceAll(""));
            }
        });
    }
}
