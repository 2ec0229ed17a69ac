package org.advocacy.reminders;

/**
 * What staff compose: the subject and bodies (templates with placeholders) and the
 * audience.
 */
public record ReminderDraft(String subject, String bodyHtml, String bodyText, Audience audience) {
}
