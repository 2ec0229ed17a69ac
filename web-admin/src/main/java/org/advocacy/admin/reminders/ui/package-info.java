/** Reminder views: the list with live progress and cancel, and the composer. */
@NullMarked
package org.advocacy.admin.reminders.ui;

import org.jspecify.annotations.NullMarked;
