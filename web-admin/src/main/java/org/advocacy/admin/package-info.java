@NullMarked
package org.advocacy.admin;

import org.jspecify.annotations.NullMarked;
