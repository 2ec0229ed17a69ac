@NullMarked
package org.advocacy.admin.campaigns.ui;

import org.jspecify.annotations.NullMarked;
