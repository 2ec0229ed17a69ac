@NullMarked
package org.advocacy.campaigns.internal;

import org.jspecify.annotations.NullMarked;
