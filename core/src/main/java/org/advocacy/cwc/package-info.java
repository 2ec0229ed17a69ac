/**
 * Letters delivered straight into congressional offices through Communicating with
 * Congress (CWC): the 2.0 XML message, the per-chamber HTTP client, and an outbox drained
 * exactly once (see docs/cwc.md for the rules and where each one comes from).
 */
@NullMarked
package org.advocacy.cwc;

import org.jspecify.annotations.NullMarked;
