/**
 * Supporters, their actions, meeting requests and email consent. Publishes two database
 * views for features that select supporters in SQL (reminder audiences):
 * subscribed_supporter, the only supporters any email may go to, and
 * supporter_action_taken (migration V160). Read those, never the tables.
 */
@NullMarked
package org.advocacy.supporters;

import org.jspecify.annotations.NullMarked;
