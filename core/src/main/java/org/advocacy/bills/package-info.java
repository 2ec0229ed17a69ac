/**
 * Bills, their stages and backers. Publishes the database view bill_cosponsorship
 * (migration V160) for features that select in SQL; read it, never the bill_cosponsor
 * table.
 */
@NullMarked
package org.advocacy.bills;

import org.jspecify.annotations.NullMarked;
