/**
 * Persistence and SQL for reminders; nothing outside the reminders feature uses these
 * types.
 */
@NullMarked
package org.advocacy.reminders.internal;

import org.jspecify.annotations.NullMarked;
