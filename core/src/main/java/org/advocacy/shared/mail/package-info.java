/**
 * Sending email: every message the platform sends goes through
 * {@link org.advocacy.shared.mail.Mailer}.
 */
@NullMarked
@NamedInterface("mail")
package org.advocacy.shared.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
