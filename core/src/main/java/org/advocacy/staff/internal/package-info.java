@NullMarked
package org.advocacy.staff.internal;

import org.jspecify.annotations.NullMarked;
