@NullMarked
package org.advocacy.admin.dashboard.ui;

import org.jspecify.annotations.NullMarked;
