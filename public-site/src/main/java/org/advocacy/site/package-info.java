@NullMarked
package org.advocacy.site;

import org.jspecify.annotations.NullMarked;
