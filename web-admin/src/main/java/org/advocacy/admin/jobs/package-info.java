/** The roster data jobs in the console. */
@NullMarked
package org.advocacy.admin.jobs;

import org.jspecify.annotations.NullMarked;
