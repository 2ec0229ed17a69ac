@NullMarked
package org.advocacy.admin.bills;

import org.jspecify.annotations.NullMarked;
