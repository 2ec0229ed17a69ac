/**
 * Embedded actions (issue 18): the partner sites allowed to frame each campaign's action
 * widget, and how many actions each partner site brought.
 */
@NullMarked
package org.advocacy.embeds;

import org.jspecify.annotations.NullMarked;
