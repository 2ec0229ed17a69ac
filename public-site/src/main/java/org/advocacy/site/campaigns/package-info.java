@NullMarked
package org.advocacy.site.campaigns;

import org.jspecify.annotations.NullMarked;
