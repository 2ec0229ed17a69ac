@NullMarked
package org.advocacy.legislators.internal;

import org.jspecify.annotations.NullMarked;
