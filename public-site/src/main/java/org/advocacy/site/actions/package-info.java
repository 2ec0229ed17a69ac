@NullMarked
package org.advocacy.site.actions;

import org.jspecify.annotations.NullMarked;
