/**
 * Where the public site keeps its visitors' sessions: in the database, shared by every
 * instance.
 */
@NullMarked
package org.advocacy.site.sessions;

import org.jspecify.annotations.NullMarked;
