@NullMarked
package org.advocacy.bills.internal;

import org.jspecify.annotations.NullMarked;
