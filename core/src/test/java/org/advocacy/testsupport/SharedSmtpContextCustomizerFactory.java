package org.advocacy.testsupport;

import java.util.Map;

/**
 * Points every Spring test context's mail sender at {@link SharedSmtp} (a test that needs
 * an unreachable mail server still sets spring.mail.port itself). Registered in
 * META-INF/spring.factories of the core test jar.
 */
public class SharedSmtpContextCustomizerFactory extends SharedServiceContextCustomizerFactory {

    @Override
    protected Map<String, Object> properties() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", SharedSmtp.port());
    }

}
