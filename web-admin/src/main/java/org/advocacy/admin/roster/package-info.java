/** The congressional roster in the console. */
@NullMarked
package org.advocacy.admin.roster;

import org.jspecify.annotations.NullMarked;
