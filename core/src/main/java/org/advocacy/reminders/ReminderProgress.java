package org.advocacy.reminders;

/** How far a reminder has got, counted from its delivery records. */
public record ReminderProgress(int total, int pending, int sending, int sent, int failed, int skipped, int inDoubt) {

    /** Recipients dealt with, one way or another. */
    public int done() {
        return sent + failed + skipped + inDoubt;
    }

    public double fraction() {
        return total == 0 ? 0 : (double) done() / total;
    }
}
