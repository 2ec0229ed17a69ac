/**
 * Security tests of the whole application: authorisation, CSRF, XSS, SQL injection,
 * headers, rate limits.
 */
@NullMarked
package org.advocacy.security;

import org.jspecify.annotations.NullMarked;
