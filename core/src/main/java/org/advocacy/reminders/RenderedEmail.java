package org.advocacy.reminders;

/** A reminder as one supporter receives it. The HTML is sanitised and safe to display. */
public record RenderedEmail(String to, String subject, String html, String text, String unsubscribeUrl) {
}
