@NullMarked
package org.advocacy.site.supporters;

import org.jspecify.annotations.NullMarked;
