@NullMarked
package org.advocacy.bills;

import org.jspecify.annotations.NullMarked;
