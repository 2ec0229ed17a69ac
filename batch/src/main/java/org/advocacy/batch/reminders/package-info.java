/**
 * The reminder-send job (Spring Batch): prepare (mark interrupted deliveries in doubt,
 * write the audience as PENDING deliveries), send (parallel workers, one reused SMTP
 * connection each, claim batches of PENDING deliveries and deliver each at most once,
 * throttled when a rate is set), complete. Also the pollers that start scheduled
 * reminders, resume interrupted ones, and send the daily automatic reminders, each under
 * a ShedLock lock.
 */
@NullMarked
package org.advocacy.batch.reminders;

import org.jspecify.annotations.NullMarked;
