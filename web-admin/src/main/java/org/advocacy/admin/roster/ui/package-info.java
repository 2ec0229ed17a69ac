/**
 * Roster views: the grid of members, a member's page, and the history of roster syncs.
 */
@NullMarked
package org.advocacy.admin.roster.ui;

import org.jspecify.annotations.NullMarked;
