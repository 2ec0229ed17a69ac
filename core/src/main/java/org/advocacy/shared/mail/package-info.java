/** Sending email: every message the platform sends goes through {@link org.advocacy.shared.mail.Mailer}. */
@NullMarked
package org.advocacy.shared.mail;

import org.jspecify.annotations.NullMarked;
