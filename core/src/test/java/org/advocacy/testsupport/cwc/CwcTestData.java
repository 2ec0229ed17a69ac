package org.advocacy.testsupport.cwc;

import java.util.List;

import org.advocacy.cwc.QueuedLetter;
import org.advocacy.shared.Tokens;
import org.advocacy.testsupport.ReminderTestData;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data for CWC deliveries: Vermont's members from the roster snapshot (Balint,
 * HVT00; Sanders, whose office is on the Senate's CWC list as SVT01; Welch, who is not),
 * a campaign with a bill and topics, and supporters whose addresses end in
 * {@code @cwc.test}. {@link #clean()} removes them and every delivery.
 */
public class CwcTestData {

    private final JdbcTemplate jdbc;

    public CwcTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void clean() {
        jdbc.update("delete from cwc_delivery");
        jdbc.update(
                "delete from supporter_action where supporter_id in (select id from supporter where email like '%@cwc.test')");
        jdbc.update("delete from supporter_action where idempotency_key like 'cwc-test:%'");
        jdbc.update("delete from supporter where email like '%@cwc.test'");
        new ReminderTestData(jdbc).legislators();
    }

    /** A campaign with a bill (119 H.R. 9901, labelled as test data) and two topics. */
    public long campaign(String slug) {
        Long existing = jdbc.query("select id from campaign where slug = ?", rs -> rs.next() ? rs.getLong(1) : null,
                slug);
        long campaign = existing != null ? existing
                : jdbc.queryForObject("insert into campaign (slug, title, explainer) values (?, ?, ?) returning id",
                        Long.class, slug, "Campaign " + slug, "<p>Test campaign for CWC delivery.</p>");
        Long bill = jdbc.query("select id from bill where congress = 119 and bill_type = 'HR' and number = 9901",
                rs -> rs.next() ? rs.getLong(1) : null);
        if (bill == null) {
            bill = jdbc
                .queryForObject("insert into bill (congress, bill_type, number, short_title) values (119, 'HR', 9901, "
                        + "'CWC test bill') returning id", Long.class);
        }
        jdbc.update("insert into campaign_bill (campaign_id, bill_id) values (?, ?) on conflict do nothing", campaign,
                bill);
        topics(campaign, List.of("Civil Rights and Liberties, Minority Issues", "Crime and Law Enforcement"));
        return campaign;
    }

    public void topics(long campaign, List<String> topics) {
        jdbc.update("delete from campaign_cwc_topic where campaign_id = ?", campaign);
        for (String topic : topics) {
            jdbc.update("insert into campaign_cwc_topic (campaign_id, topic) values (?, ?)", campaign, topic);
        }
    }

    public long supporter(String localPart) {
        return jdbc.queryForObject("""
                insert into supporter (email, name, zip, state, district, unsubscribe_token)
                values (?, 'Rosa Alvarez', '05401', 'VT', 0, ?) returning id""", Long.class, localPart + "@cwc.test",
                Tokens.newToken());
    }

    /** A Vermont letter to one office, as the letter action queues it. */
    public QueuedLetter letter(String key, long campaign, Long supporter, String bioguideId, String office,
            boolean edited) {
        return new QueuedLetter("cwc-test:" + key, campaign, supporter, bioguideId, office, "Ms.", "Rosa", "Alvarez",
                "12 Church Street", "Apt 3", "Burlington", "VT", "05401", 0, "rosa@cwc.test", "Support H.R. 9901",
                edited ? "My own letter, in my own words." : "The campaign's letter, unchanged.", edited);
    }

}
