@NullMarked
package org.advocacy.admin.supporters.ui;

import org.jspecify.annotations.NullMarked;
