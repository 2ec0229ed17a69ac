/**
 * The Deliveries view: letters delivered to Congress through CWC, by campaign and office,
 * and their failures.
 */
@NullMarked
package org.advocacy.admin.deliveries.ui;

import org.jspecify.annotations.NullMarked;
