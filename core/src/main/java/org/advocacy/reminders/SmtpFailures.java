package org.advocacy.reminders;

import jakarta.mail.MessagingException;

import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Tells a permanent SMTP failure (a 5xx reply, or a message that cannot be built) from a transient one
 * (a 4xx reply, a refused or dropped connection), which is worth retrying.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static boolean isPermanent(RuntimeException failure) {
        if (failure instanceof MailParseException || failure instanceof MailPreparationException) {
            return true;
        }
        if (failure instanceof MailSendException send) {
            for (Exception e : send.getFailedMessages().values()) {
                if (permanentReply(e)) {
                    return true;
                }
            }
        }
        return permanentReply(failure);
    }

    private static boolean permanentReply(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int code = replyCode(t);
            if (code >= 500) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()
                    && permanentReply(m.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SMTP reply code carried by Angus Mail's SMTP exceptions (SMTPSendFailedException,
     * SMTPAddressFailedException, SMTPSenderFailedException), which are on the runtime classpath only.
     */
    private static int replyCode(Throwable t) {
        if (!t.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.SMTP")) {
            return 0;
        }
        try {
            Object code = t.getClass().getMethod("getReturnCode").invoke(t);
            return code instanceof Integer i ? i : 0;
        }
        catch (ReflectiveOperationException e) {
            return 0;
        }
    }

    static String describe(RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return root == failure ? message : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
