@NullMarked
package org.advocacy.admin.campaigns;

import org.jspecify.annotations.NullMarked;
