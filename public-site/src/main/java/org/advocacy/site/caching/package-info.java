/**
 * The public response cache: answers that are the same for every visitor (campaign pages,
 * story pages, the find-your-legislators results, the lookup API) are rendered once and
 * served as bytes until the public content changes, so a burst of visitors costs little
 * more than a static site.
 */
@NullMarked
package org.advocacy.site.caching;

import org.jspecify.annotations.NullMarked;
