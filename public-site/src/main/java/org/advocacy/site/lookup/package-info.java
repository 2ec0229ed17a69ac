/**
 * "Find your legislators": the public step on every campaign (ZIP, then district or
 * address when the ZIP is split, or a territory) and the JSON lookup API.
 */
@NullMarked
package org.advocacy.site.lookup;

import org.jspecify.annotations.NullMarked;
