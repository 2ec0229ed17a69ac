@NullMarked
package org.advocacy.stories;

import org.jspecify.annotations.NullMarked;
