/**
 * The CWC HTTP transport and the outbox SQL; nothing outside the cwc feature uses these
 * types.
 */
@NullMarked
package org.advocacy.cwc.internal;

import org.jspecify.annotations.NullMarked;
