package org.advocacy.reminders;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Tells a permanent SMTP failure (a 5xx reply, or a message that cannot be built) from a
 * transient one (a 4xx reply, a refused connection), which is worth retrying, and both
 * from a connection that dropped mid-conversation: the server may have taken the message
 * just before, so it is in doubt, not retried.
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
            if (t instanceof MessagingException m && m.getNextException() != null
                    && m.getNextException() != t.getCause() && permanentReply(m.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure the server answered with a reply code (4xx, 5xx): the connection itself
     * is still sound.
     */
    static boolean isReply(Throwable failure) {
        return chain(failure, new ArrayList<>()).stream().anyMatch(t -> replyCode(t) >= 400);
    }

    /**
     * The SMTP reply code carried by Angus Mail's SMTP exceptions
     * (SMTPSendFailedException, SMTPAddressFailedException, SMTPSenderFailedException),
     * which are on the runtime classpath only.
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

    /**
     * The connection was open and then broke (reset, end of stream, a read timing out)
     * without the server refusing anything: it may have accepted the message before the
     * reply was lost. A refused connection, an unknown host and a 4xx reply mean the
     * message was not taken, and are retried.
     */
    static boolean isInDoubt(RuntimeException failure) {
        if (failure instanceof MailAuthenticationException) {
            return false;
        }
        List<Throwable> chain = chain(failure, new ArrayList<>());
        boolean notTaken = chain.stream()
            .anyMatch(t -> t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || (replyCode(t) >= 400 && replyCode(t) < 500));
        boolean dropped = chain.stream()
            .anyMatch(t -> (t instanceof IOException && !(t instanceof ConnectException)) || replyCode(t) == -1);
        return dropped && !notTaken;
    }

    /**
     * The failure, its causes, the exceptions chained by JavaMail, and the per-message
     * failures of a send.
     */
    private static List<Throwable> chain(Throwable failure, List<Throwable> seen) {
        if (seen.contains(failure)) {
            return seen;
        }
        seen.add(failure);
        if (failure.getCause() != null) {
            chain(failure.getCause(), seen);
        }
        if (failure instanceof MessagingException m && m.getNextException() != null) {
            chain(m.getNextException(), seen);
        }
        if (failure instanceof MailSendException send) {
            send.getFailedMessages().values().forEach(e -> chain(e, seen));
        }
        return seen;
    }

    static String describe(RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return root == failure ? message
                : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

}
