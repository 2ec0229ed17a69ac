@NullMarked
package org.advocacy.site.layout;

import org.jspecify.annotations.NullMarked;
