/**
 * The reminder-send job (Spring Batch): prepare (mark interrupted deliveries in doubt, write the audience as
 * PENDING deliveries), send (read PENDING deliveries in chunks, deliver each at most once at a throttled rate),
 * complete. Also the pollers that start scheduled reminders, resume interrupted ones, and send the daily
 * automatic reminders, each under a ShedLock lock.
 */
@NullMarked
package org.advocacy.batch.reminders;

import org.jspecify.annotations.NullMarked;
