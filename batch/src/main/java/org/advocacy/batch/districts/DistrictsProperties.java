package org.advocacy.batch.districts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the ZIP (ZCTA) to congressional district file comes from
 * ({@code advocacy.districts.*}). The default is the file bundled with the application
 * (Census 119th Congress relationship, via OpenSourceActivismTech/us-zipcodes-congress).
 *
 * @param zctaUrl the CSV: state_fips,state_abbr,zcta,cd
 * @param cron when the import runs (UTC); districts change rarely, so monthly
 * @param loadOnStart import the bundled file at start-up when the table is empty
 */
@ConfigurationProperties("advocacy.districts")
public record DistrictsProperties(@DefaultValue(BUNDLED) String zctaUrl, @DefaultValue("0 45 5 1 * *") String cron,
        @DefaultValue("true") boolean loadOnStart) {

    static final String BUNDLED = "classpath:districts/zccd.csv";

}
