@NullMarked
package org.advocacy.staff;

import org.jspecify.annotations.NullMarked;
