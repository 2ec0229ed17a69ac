package org.advocacy.site.layout;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Every {@code redirect:} address is sent as it is, only made a valid header value. By
 * default Spring reads {@code {name}} in it as a URI template variable, so an address
 * built from request input ({@code next=/campaigns/{x}}, or a path variable) ended in a
 * server error after the work was done; and an address with characters outside ASCII (a
 * decoded path variable) left the redirect without a Location header. Controllers build
 * their redirect addresses themselves; the view resolver initialises each redirect view
 * as a bean, which lets this switch the expansion off for all of them and percent-encode
 * what is not printable ASCII.
 */
@Component
class LiteralRedirects implements BeanPostProcessor {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RedirectView redirect) {
            redirect.setExpandUriTemplateVariables(false);
            String url = redirect.getUrl();
            if (url != null) {
                redirect.setUrl(printable(url));
            }
        }
        return bean;
    }

    /**
     * Percent-encodes (as UTF-8) every character that is not printable ASCII; the rest is
     * left alone.
     */
    static String printable(String url) {
        StringBuilder encoded = new StringBuilder(url.length());
        url.codePoints().forEach(c -> {
            if (c > ' ' && c < 0x7F) {
                encoded.append((char) c);
            }
            else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        });
        return encoded.toString();
    }

}
