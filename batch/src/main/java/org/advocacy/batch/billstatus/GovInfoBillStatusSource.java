package org.advocacy.batch.billstatus;

import java.util.Locale;

import org.advocacy.batch.JobInputReader;
import org.advocacy.bills.BillStatusSource;
import org.advocacy.bills.BillType;
import org.advocacy.bills.OfficialBillRecord;
import org.springframework.stereotype.Component;

/**
 * Reads a bill's Bill Status XML from {@code advocacy.bills.status-url} ({@code https:}
 * or {@code file:}).
 */
@Component
class GovInfoBillStatusSource implements BillStatusSource {

    private final JobInputReader sources;

    private final BillStatusProperties properties;

    GovInfoBillStatusSource(JobInputReader sources, BillStatusProperties properties) {
        this.sources = sources;
        this.properties = properties;
    }

    @Override
    public OfficialBillRecord fetch(int congress, BillType type, int number) {
        return fetch(properties.statusUrl(), congress, type, number);
    }

    OfficialBillRecord fetch(String template, int congress, BillType type, int number) {
        String url = url(template, congress, type, number);
        if (!url.startsWith("https:") && !url.startsWith("http:") && !url.startsWith("file:")) {
            throw new UnavailableException(
                    "Cannot read " + url + ": the Bill Status address must be an https: or file: URL");
        }
        byte[] xml;
        try {
            xml = sources.read(url);
        }
        catch (JobInputReader.SourceUnavailableException e) {
            throw new UnavailableException(String.valueOf(e.getMessage()));
        }
        OfficialBillRecord record = BillStatusParser.parse(xml);
        if (record.congress() != congress || record.type() != type || record.number() != number) {
            throw new UnavailableException(url + " describes " + record.designation() + ", not " + type.abbreviation()
                    + " " + number + " (" + congress + "th Congress)");
        }
        return record;
    }

    @Override
    public String urlOf(int congress, BillType type, int number) {
        return url(properties.statusUrl(), congress, type, number);
    }

    static String url(String template, int congress, BillType type, int number) {
        return template.strip()
            .replace("{congress}", Integer.toString(congress))
            .replace("{type}", type.name().toLowerCase(Locale.ROOT))
            .replace("{number}", Integer.toString(number));
    }

}
