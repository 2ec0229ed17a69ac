@NullMarked
package org.advocacy.admin.supporters;

import org.jspecify.annotations.NullMarked;
