@NullMarked
package org.advocacy.supporters.internal;

import org.jspecify.annotations.NullMarked;
