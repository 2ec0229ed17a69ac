@NullMarked
package org.advocacy.stories.internal;

import org.jspecify.annotations.NullMarked;
