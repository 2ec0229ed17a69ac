@NullMarked
package org.advocacy.admin.staff;

import org.jspecify.annotations.NullMarked;
