package org.advocacy.cwc;

import java.util.List;

/**
 * The fixed vocabularies of a CWC 2.0 message, as the open implementations list them: the
 * name prefixes (EFForg/congress_forms {@code lib/cwc/fixtures.rb}) and the 32 Library of
 * Congress policy-area topics ({@code lib/cwc/topic_codes.rb}).
 */
public final class CwcVocabulary {

    public static final List<String> PREFIXES = List.of("Mr.", "Mrs.", "Ms.", "Mr. and Mrs.", "Miss", "Dr.",
            "Dr. and Mrs.", "Dr. and Mr.", "Admiral", "Captain", "Chief Master Sergeant", "Colonel", "Commander",
            "Corporal", "Father", "Lieutenant", "Lieutenant Colonel", "Master Sergeant", "Reverend", "Sergeant",
            "Second Lieutenant", "Sergeant Major", "Sister", "Technical Sergeant");

    public static final List<String> TOPICS = List.of("Agriculture and Food", "Animals",
            "Armed Forces and National Security", "Arts, Culture, Religion",
            "Civil Rights and Liberties, Minority Issues", "Commerce", "Congress", "Crime and Law Enforcement",
            "Economics and Public Finance", "Education", "Emergency Management", "Energy", "Environmental Protection",
            "Families", "Finance and Financial Sector", "Foreign Trade and International Finance",
            "Government Operations and Politics", "Health", "Housing and Community Development", "Immigration",
            "International Affairs", "Labor and Employment", "Law", "Native Americans",
            "Public Lands and Natural Resources", "Science, Technology, Communications", "Social Sciences and History",
            "Social Welfare", "Sports and Recreation", "Taxation", "Transportation and Public Works",
            "Water Resources Development");

    /**
     * Used when staff have chosen no topic for a campaign: every message must carry at
     * least one.
     */
    public static final String DEFAULT_TOPIC = "Government Operations and Politics";

    private CwcVocabulary() {
    }

}
