package org.advocacy.site.layout;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Every {@code redirect:} address is sent as it is. By default Spring reads {@code {name}} in it as a
 * URI template variable, so an address built from request input ({@code next=/campaigns/{x}}, or a
 * path variable) ended in a server error after the work was done. Controllers build their redirect
 * addresses themselves; the view resolver initialises each redirect view as a bean, which lets this
 * switch the expansion off for all of them.
 */
@Component
class LiteralRedirects implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RedirectView redirect) {
            redirect.setExpandUriTemplateVariables(false);
        }
        return bean;
    }
}
