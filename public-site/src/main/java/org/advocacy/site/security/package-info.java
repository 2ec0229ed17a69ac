@NullMarked
package org.advocacy.site.security;

import org.jspecify.annotations.NullMarked;
