package org.advocacy.embeds;

import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.advocacy.supporters.NewAction;
import org.advocacy.supporters.SupporterService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner sites allowed to frame each campaign's action widget, and the actions they
 * brought. Attribution is per action and names only the partner's origin: nothing
 * identifies a supporter across partner sites.
 */
@Service
@Transactional(readOnly = true)
public class EmbedPartners {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'ORGANIZER')";

    private static final String STAFF = "hasAnyRole('ADMIN', 'ORGANIZER', 'VIEWER')";

    /**
     * More would make an unwieldy header; a coalition this big can ask for a second
     * campaign page.
     */
    public static final int MAX_ORIGINS = 50;

    private final JdbcClient jdbc;

    private final SupporterService supporters;

    EmbedPartners(JdbcClient jdbc, SupporterService supporters) {
        this.jdbc = jdbc;
        this.supporters = supporters;
    }

    /**
     * The origins allowed to frame the campaign's widget, in alphabetical order (public:
     * the site needs them).
     */
    public List<String> allowedOrigins(long campaignId) {
        return jdbc.sql("select origin from campaign_embed_origin where campaign_id = :id order by origin")
            .param("id", campaignId, Types.BIGINT)
            .query(String.class)
            .list();
    }

    /** Staff's view of the allow-list. */
    @PreAuthorize(STAFF)
    public List<String> findAllowedOrigins(long campaignId) {
        return allowedOrigins(campaignId);
    }

    /**
     * Replaces the campaign's allow-list. Each entry must be a single http(s) origin; an
     * invalid one changes nothing and says which.
     */
    @PreAuthorize(EDITORS)
    @Transactional
    public List<String> setAllowedOrigins(long campaignId, List<String> origins) {
        Set<String> canonical = new LinkedHashSet<>();
        for (String origin : origins) {
            if (origin.isBlank()) {
                continue;
            }
            canonical.add(PartnerOrigin.parse(origin)
                .orElseThrow(() -> new InvalidOriginException("\"" + origin.strip()
                        + "\" is not a site address like https://news.example: give http:// or https://, the host name "
                        + "and, only if needed, the port, with no path and no wildcard. Nothing was saved.")));
        }
        if (canonical.size() > MAX_ORIGINS) {
            throw new InvalidOriginException("List at most " + MAX_ORIGINS + " partner sites. Nothing was saved.");
        }
        jdbc.sql("delete from campaign_embed_origin where campaign_id = :id")
            .param("id", campaignId, Types.BIGINT)
            .update();
        for (String origin : canonical) {
            jdbc.sql("""
                    insert into campaign_embed_origin (campaign_id, origin) values (:id, :origin)
                    on conflict do nothing""")
                .param("id", campaignId, Types.BIGINT)
                .param("origin", origin, Types.VARCHAR)
                .update();
        }
        return new ArrayList<>(canonical);
    }

    /**
     * The one write of an embedded action post: the actions as
     * {@link SupporterService#recordActions} records them, each attributed to the partner
     * site when there is one. Returns how many were recorded now (none for a replayed
     * submission).
     */
    @Transactional
    public int recordActions(List<NewAction> actions, boolean settleSeat, String partnerOrigin) {
        int recorded = supporters.recordActions(actions, settleSeat);
        if (recorded > 0 && !partnerOrigin.isEmpty()) {
            for (NewAction action : actions) {
                jdbc.sql("""
                        insert into embedded_action (action_id, campaign_id, partner_origin)
                        select id, campaign_id, :origin from supporter_action where idempotency_key = :key
                        on conflict do nothing""")
                    .param("origin", partnerOrigin, Types.VARCHAR)
                    .param("key", action.idempotencyKey(), Types.VARCHAR)
                    .update();
            }
        }
        return recorded;
    }

    /**
     * Marks a form token (its random part) used; false when it was used before. For the
     * widget's first form, whose post saves a supporter rather than actions with
     * idempotency keys. Marks older than a day (the tokens last two hours) are pruned on
     * the way.
     */
    @Transactional
    public boolean useFormOnce(String nonce) {
        jdbc.sql("delete from embedded_form_use where used_at < now() - interval '1 day'").update();
        return jdbc.sql("insert into embedded_form_use (nonce) values (:nonce) on conflict do nothing")
            .param("nonce", nonce, Types.VARCHAR)
            .update() == 1;
    }

    /** Actions per partner site for a campaign, most first. */
    @PreAuthorize(STAFF)
    public List<PartnerCount> countByPartner(long campaignId) {
        return jdbc.sql("""
                select partner_origin, count(*) from embedded_action where campaign_id = :id
                group by partner_origin order by count(*) desc, partner_origin""")
            .param("id", campaignId, Types.BIGINT)
            .query((rs, row) -> new PartnerCount(rs.getString(1), rs.getLong(2)))
            .list();
    }

    /** An allow-list entry that is not a single http(s) origin. */
    public static class InvalidOriginException extends IllegalArgumentException {

        InvalidOriginException(String message) {
            super(message);
        }

    }

}
