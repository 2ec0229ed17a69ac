/**
 * The opt-out pages linked from automatic reminder emails: one kind of reminder off,
 * other emails unchanged.
 */
@NullMarked
package org.advocacy.site.reminders;

import org.jspecify.annotations.NullMarked;
