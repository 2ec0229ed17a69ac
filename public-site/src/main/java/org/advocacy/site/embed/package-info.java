/**
 * The embeddable action widget (issue 18): a compact letter and call journey that partner
 * sites frame, keeping its state in sealed form fields instead of the session so that it
 * works with third-party cookies blocked, framed only by the origins staff allowed; plus
 * the public action counts API.
 */
@NullMarked
package org.advocacy.site.embed;

import org.jspecify.annotations.NullMarked;
