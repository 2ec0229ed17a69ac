/**
 * The CWC outbox drain: a poller under ShedLock that runs
 * {@link org.advocacy.cwc.CwcSender#drain()}.
 */
@NullMarked
package org.advocacy.batch.cwc;

import org.jspecify.annotations.NullMarked;
