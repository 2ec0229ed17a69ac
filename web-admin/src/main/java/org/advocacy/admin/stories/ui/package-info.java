@NullMarked
package org.advocacy.admin.stories.ui;

import org.jspecify.annotations.NullMarked;
