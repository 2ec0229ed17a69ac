/** The console's reminders: composing, scheduling, sending and following progress. */
@NullMarked
package org.advocacy.admin.reminders;

import org.jspecify.annotations.NullMarked;
