package org.advocacy.shared;

import java.util.List;

/**
 * The application's caches, all bounded, all in {@link CacheConfiguration}. Those that
 * follow public content are keyed with {@link PublicContentVersion#key(Object)}, so an
 * entry read while an edit commits is never served after it, and are emptied whenever the
 * version moves (on this instance, or on another one through
 * {@link PublicContentNotifications}).
 */
public final class CacheNames {

    /**
     * Campaign page data (campaign, bills, stories, toolkit, totals) by slug; the time to
     * live bounds the totals' age.
     */
    public static final String CAMPAIGN_PAGES = "campaign-pages";

    /** What every action request needs of its campaign, by slug. */
    public static final String CAMPAIGN_SETUPS = "campaign-setups";

    /** What the embedded widget needs of its campaign, by slug. */
    public static final String EMBED_SETUPS = "embed-setups";

    /** Legislator lookups by ZIP code and district. */
    public static final String LOOKUP_ANSWERS = "lookup-answers";

    /** The lookup API's ETag (the latest roster change and the ZIP table's size). */
    public static final String LOOKUP_VERSION = "lookup-version";

    /** Members' names and phone numbers for reminder emails, by seat. */
    public static final String LEGISLATOR_CONTACTS = "legislator-contacts";

    static final List<String> FOLLOWING_PUBLIC_CONTENT = List.of(CAMPAIGN_PAGES, CAMPAIGN_SETUPS, EMBED_SETUPS,
            LOOKUP_ANSWERS, LOOKUP_VERSION, LEGISLATOR_CONTACTS);

    private CacheNames() {
    }

}
