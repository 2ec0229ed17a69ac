package org.advocacy.campaigns;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a campaign asks for at one bill stage: the call to action and the three templates.
 * Templates use placeholders such as {{legislator.title}} (see
 * {@link TemplatePlaceholders}).
 */
@Embeddable
public record TemplateSet(@Column(name = "call_to_action", nullable = false) String callToAction,
        @Column(name = "letter_subject", nullable = false) String letterSubject,
        @Column(name = "letter_template", nullable = false) String letterTemplate,
        @Column(name = "call_script", nullable = false) String callScript,
        @Column(name = "meeting_template", nullable = false) String meetingTemplate) {
}
