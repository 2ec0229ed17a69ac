@NullMarked
package org.advocacy;

import org.jspecify.annotations.NullMarked;
