@NullMarked
package org.advocacy.admin.ui;

import org.jspecify.annotations.NullMarked;
