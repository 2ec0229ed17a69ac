package org.advocacy.reminders.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.advocacy.reminders.Audience;
import org.advocacy.reminders.Recipient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audience rules as SQL. Every rule is restricted to supporters who confirmed their
 * email consent and have not unsubscribed; the sender checks that again for each
 * recipient when it sends. Other features' data is read only through the views they
 * publish (V160, V170): subscribed_supporter, supporter_contact, scheduled_meeting and
 * supporter_action_taken (supporters), sitting_senator (legislators), bill_cosponsorship
 * (bills).
 */
@Repository
public class AudienceQueries {

    /**
     * The only supporters any reminder may go to: the view subscribed_supporter reads the
     * database's column (V141).
     */
    public static final String SUBSCRIBED = "s.subscribed";

    private final JdbcClient jdbc;

    AudienceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count(Audience audience) {
        Where where = where(audience);
        return jdbc.sql("select count(*) from subscribed_supporter s where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    }

    /** The first supporter in the audience, to show staff a sample rendering. */
    public Optional<Recipient> first(Audience audience) {
        Where where = where(audience);
        return jdbc.sql(
                "select s.id, s.email, s.name, s.state, s.district, s.unsubscribe_token from subscribed_supporter s where "
                        + where.sql() + " order by s.id limit 1")
            .params(where.params())
            .query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                    rs.getString("state"), (Integer) rs.getObject("district"), rs.getString("unsubscribe_token")))
            .optional();
    }

    /**
     * Writes the audience as PENDING deliveries; running it again adds nobody twice.
     * Returns the rows added.
     */
    public int materialise(long reminderId, Audience audience) {
        Where where = where(audience);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("reminderId", reminderId);
        return jdbc.sql(
                "insert into reminder_delivery (reminder_id, supporter_id) select :reminderId, s.id from subscribed_supporter s where "
                        + where.sql() + " order by s.id on conflict (reminder_id, supporter_id) do nothing")
            .params(params)
            .update();
    }

    static Where where(Audience audience) {
        Map<String, Object> params = new HashMap<>();
        // subscribed_supporter holds only the supporters we may email; each rule narrows
        // it with " and …".
        StringBuilder sql = new StringBuilder("true");
        String campaignScope = "";
        if (audience.campaignId() != null) {
            params.put("campaignId", audience.campaignId());
            campaignScope = " and a.campaign_id = :campaignId";
        }
        switch (audience.rule()) {
            case ALL -> {
            }
            case CAMPAIGN ->
                sql.append(" and exists (select 1 from supporter_action_taken a where a.supporter_id = s.id")
                    .append(campaignScope)
                    .append(')');
            case STATE -> {
                params.put("state", audience.state());
                sql.append(" and s.state = :state");
                if (audience.district() != null) {
                    params.put("district", audience.district());
                    sql.append(" and s.district = :district");
                }
            }
            case SIGNED_UP_NO_ACTION ->
                sql.append(" and not exists (select 1 from supporter_action_taken a where a.supporter_id = s.id")
                    .append(" and a.action_type <> 'SIGNUP'")
                    .append(campaignScope)
                    .append(')');
            case TOOK_ACTION_NOT_OTHER -> {
                params.put("tookAction", audience.tookAction().name());
                params.put("notAction", audience.notAction().name());
                sql.append(
                        " and exists (select 1 from supporter_action_taken a where a.supporter_id = s.id and a.action_type = :tookAction")
                    .append(campaignScope)
                    .append(')')
                    .append(" and not exists (select 1 from supporter_action_taken a where a.supporter_id = s.id and a.action_type = :notAction")
                    .append(campaignScope)
                    .append(')');
            }
            case SENATORS_NOT_COSPONSORS -> {
                params.put("billId", audience.billId());
                sql.append(" and exists (select 1 from sitting_senator l where l.state = s.state")
                    .append(" and not exists (select 1 from bill_cosponsorship bc where bc.bill_id = :billId and bc.bioguide_id = l.bioguide_id))");
            }
        }
        return new Where(sql.toString(), params);
    }

    record Where(String sql, Map<String, Object> params) {
    }

}
