@NullMarked
package org.advocacy.demo;

import org.jspecify.annotations.NullMarked;
