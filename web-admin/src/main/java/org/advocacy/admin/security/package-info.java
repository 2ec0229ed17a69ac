@NullMarked
package org.advocacy.admin.security;

import org.jspecify.annotations.NullMarked;
