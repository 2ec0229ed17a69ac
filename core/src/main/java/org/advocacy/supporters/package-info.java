@NullMarked
package org.advocacy.supporters;

import org.jspecify.annotations.NullMarked;
