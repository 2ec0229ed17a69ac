@NullMarked
package org.advocacy.admin.dashboard;

import org.jspecify.annotations.NullMarked;
