@NullMarked
package org.advocacy.admin.stories;

import org.jspecify.annotations.NullMarked;
