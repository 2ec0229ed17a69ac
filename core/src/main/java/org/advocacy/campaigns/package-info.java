@NullMarked
package org.advocacy.campaigns;

import org.jspecify.annotations.NullMarked;
