/**
 * The {@code district-import} job: loads the ZIP (ZCTA) to congressional district table.
 */
@NullMarked
package org.advocacy.batch.districts;

import org.jspecify.annotations.NullMarked;
