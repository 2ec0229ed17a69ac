@NullMarked
package org.advocacy.legislators;

import org.jspecify.annotations.NullMarked;
