@NullMarked
package org.advocacy.admin.staff.ui;

import org.jspecify.annotations.NullMarked;
