@NullMarked
package org.advocacy.site.protection;

import org.jspecify.annotations.NullMarked;
