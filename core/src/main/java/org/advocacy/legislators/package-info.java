/**
 * Members of Congress and their seats. Publishes the database view sitting_senator
 * (migration V160) for features that select in SQL; read it, never the legislator table.
 */
@NullMarked
package org.advocacy.legislators;

import org.jspecify.annotations.NullMarked;
