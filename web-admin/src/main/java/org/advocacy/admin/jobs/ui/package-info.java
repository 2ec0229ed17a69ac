/**
 * Starting roster-sync and district-import, with live progress and the history of runs
 * (administrators).
 */
@NullMarked
package org.advocacy.admin.jobs.ui;

import org.jspecify.annotations.NullMarked;
