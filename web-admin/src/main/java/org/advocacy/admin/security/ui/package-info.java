@NullMarked
package org.advocacy.admin.security.ui;

import org.jspecify.annotations.NullMarked;
