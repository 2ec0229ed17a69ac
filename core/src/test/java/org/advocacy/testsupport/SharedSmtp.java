package org.advocacy.testsupport;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one GreenMail SMTP server of a test JVM, on a free port (never a fixed one, so
 * builds on the same machine cannot collide). Every Spring test context sends to it
 * ({@link SharedSmtpContextCustomizerFactory}), so the port adds no context of its own. A
 * test class that reads mail registers an instance as an extension, which empties the
 * mailboxes before each test:
 * {@code @RegisterExtension static final SharedSmtp smtp = new SharedSmtp();}
 */
public final class SharedSmtp implements BeforeEachCallback {

    private static volatile GreenMail server;

    /** The running server, started on first use; it lives as long as the test JVM. */
    public static GreenMail server() {
        GreenMail current = server;
        if (current == null) {
            synchronized (SharedSmtp.class) {
                current = server;
                if (current == null) {
                    current = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
                    current.start();
                    GreenMail started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "shared-smtp-stop"));
                    server = current;
                }
            }
        }
        return current;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        purgeEmailFromAllMailboxes();
    }

    public MimeMessage[] getReceivedMessages() {
        return server().getReceivedMessages();
    }

    /** Waits until the mailboxes hold at least {@code count} messages. */
    public boolean waitForIncomingEmail(long timeoutMillis, int count) {
        return server().waitForIncomingEmail(timeoutMillis, count);
    }

    public void purgeEmailFromAllMailboxes() {
        try {
            server().purgeEmailFromAllMailboxes();
        }
        catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

}
