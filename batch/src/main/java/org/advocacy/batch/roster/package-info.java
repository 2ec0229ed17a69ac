/**
 * The {@code roster-sync} job: reads the congress-legislators files and applies them
 * through the roster service.
 */
@NullMarked
package org.advocacy.batch.roster;

import org.jspecify.annotations.NullMarked;
