@NullMarked
package org.advocacy.site.stories;

import org.jspecify.annotations.NullMarked;
