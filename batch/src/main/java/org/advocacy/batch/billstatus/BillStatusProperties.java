package org.advocacy.batch.billstatus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the bill status sync reads each bill ({@code advocacy.bills.*}).
 *
 * @param statusUrl a template with {congress}, {type} (lower case: hr, s, hjres…) and
 * {number}; {@code https:} or {@code file:}
 * @param statusCron when the sync runs (UTC); GovInfo refreshes the files every four
 * hours
 * @param chunkSize bills fetched between two progress updates
 */
@ConfigurationProperties("advocacy.bills")
public record BillStatusProperties(@DefaultValue(GOVINFO) String statusUrl,
        @DefaultValue("0 20 */4 * * *") String statusCron, @DefaultValue("10") int chunkSize) {

    static final String GOVINFO = "https://www.govinfo.gov/bulkdata/BILLSTATUS/{congress}/{type}/BILLSTATUS-{congress}{type}{number}.xml";

}
