package org.advocacy.batch.roster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the roster comes from and when it is synced ({@code advocacy.roster.*}). The
 * defaults are the files the congress-legislators project publishes; the dev profile and
 * the tests point at the snapshot bundled under {@code classpath:roster/}.
 *
 * @param legislatorsUrl the current legislators (YAML)
 * @param officesUrl their district offices (YAML)
 * @param socialUrl their social media accounts (YAML)
 * @param cron when the nightly sync runs (UTC)
 * @param loadOnStart load the bundled snapshot at start-up when the roster is empty
 */
@ConfigurationProperties("advocacy.roster")
public record RosterProperties(@DefaultValue(PUBLISHED + "legislators-current.yaml") String legislatorsUrl,
        @DefaultValue(PUBLISHED + "legislators-district-offices.yaml") String officesUrl,
        @DefaultValue(PUBLISHED + "legislators-social-media.yaml") String socialUrl,
        @DefaultValue("0 15 6 * * *") String cron, @DefaultValue("true") boolean loadOnStart) {

    static final String PUBLISHED = "https://unitedstates.github.io/congress-legislators/";
    static final String BUNDLED = "classpath:roster/";

}
