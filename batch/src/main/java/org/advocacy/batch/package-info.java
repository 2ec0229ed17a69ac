/**
 * The batch jobs that keep the roster data current ({@code roster-sync},
 * {@code district-import}) and the three ways to run them: on a schedule under ShedLock,
 * once from the command line with {@code --advocacy.run-job=<job>}, and from the console.
 */
@NullMarked
package org.advocacy.batch;

import org.jspecify.annotations.NullMarked;
