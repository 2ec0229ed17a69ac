@NullMarked
package org.advocacy.admin.bills.ui;

import org.jspecify.annotations.NullMarked;
