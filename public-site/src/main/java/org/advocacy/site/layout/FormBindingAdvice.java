package org.advocacy.site.layout;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Public forms bind to records, which take their values through the constructor. Spring's
 * field markers ({@code _name}, for unchecked checkboxes) do not apply to them, yet every
 * {@code _csrf} parameter was taken for one and cost an exception on each post.
 */
@ControllerAdvice(basePackages = "org.advocacy.site")
class FormBindingAdvice {

    @InitBinder
    void noFieldMarkers(WebDataBinder binder) {
        binder.setFieldMarkerPrefix(null);
    }

}
