/**
 * Email reminders to supporters: composed by staff, addressed to an audience rule,
 * personalised with each supporter's own members of Congress, and delivered at most once
 * per supporter (see {@link org.advocacy.reminders.ReminderDispatch}). Automatic
 * reminders (meeting preparation, action nudge) each have their own opt-out.
 */
@NullMarked
package org.advocacy.reminders;

import org.jspecify.annotations.NullMarked;
