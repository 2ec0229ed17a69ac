@NullMarked
package org.advocacy.shared;

import org.jspecify.annotations.NullMarked;
