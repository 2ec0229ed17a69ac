package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL injection attempts in every query parameter and form field of the public site: each
 * is answered with a sensible 2xx/3xx/4xx (never 500, never a stack trace or a database
 * message), the tables are all still there with their rows, and text that is stored is
 * stored verbatim.
 */
class SqlInjectionIntegrationTests extends SecurityIntegrationTest {

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "' OR 1=1--", "1; drop table supporter--",
            "05401'; drop table legislator; --", "%' --", "%", "_",
            "05401' union select null, current_user, version()--", "1 AND 1=CAST((SELECT version()) AS int)",
            "' ; select pg_sleep(5)--", "\\'; delete from supporter where ''='", "\u2019 OR \u20191\u2019=\u20191", // right
                                                                                                                    // single
                                                                                                                    // quotation
                                                                                                                    // marks
            "\u02bc OR 1=1--", // modifier letter apostrophe
            "\uff07 OR \uff071\uff07=\uff071", // fullwidth apostrophe
            "VT-0' OR 'x'='x", "VT-00; truncate zcta_district", "\") OR (\"1\"=\"1", "$$; drop table campaign; $$",
            "05401\u0000' OR 1=1--");

    static final List<String> TABLES = List.of("supporter", "legislator", "campaign", "story", "zcta_district",
            "supporter_action", "staff_user", "bill");

    @Autowired
    JdbcTemplate jdbc;

    Map<String, Long> countsBefore;

    @BeforeEach
    void count() {
        countsBefore = counts();
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    @Test
    void injectionsInTheLookupApiAndTheFindYourLegislatorsPageAreHarmless() {
        List<String> failures = new ArrayList<>();
        for (String injection : INJECTIONS) {
            // One client per injection: its 8 lookups stay well inside the per-address
            // allowance.
            Client client = client();
            for (String query : List.of("zip", "district", "address")) {
                for (String path : List.of("/api/v1/lookup?", "/campaigns/tsra/legislators?")) {
                    check(failures, client, path + query + "=" + urlParam(injection));
                }
            }
            check(failures, client, "/campaigns/tsra/legislators?territory=" + urlParam(injection));
            check(failures, client, "/api/v1/lookup?zip=05401&district=" + urlParam(injection));
        }
        assertThat(failures).isEmpty();
        assertDatabaseIntact();
    }

    @Test
    void injectionsInTheActionPagesParametersAndPathsAreHarmless() {
        Client supporter = signedUp("Injection Tester");
        List<String> failures = new ArrayList<>();
        for (String injection : INJECTIONS) {
            for (String action : List.of("letter", "call", "meeting")) {
                check(failures, supporter, "/campaigns/tsra/" + action + "?zip=" + urlParam(injection));
                check(failures, supporter, "/campaigns/tsra/" + action + "?zip=05401&district=" + urlParam(injection));
            }
            check(failures, supporter, "/campaigns/" + urlParam(injection));
            check(failures, supporter, "/campaigns/tsra/stories/" + urlParam(injection));
            check(failures, supporter, "/campaigns/tsra/toolkit/" + urlParam(injection));
            check(failures, supporter, "/stories/withdraw/" + urlParam(injection));
            check(failures, supporter, "/unsubscribe/" + urlParam(injection));
            check(failures, supporter, "/subscribe/confirm/" + urlParam(injection));
            check(failures, supporter, "/supporter/confirm/" + urlParam(injection));
            check(failures, supporter, "/supporter?next=" + urlParam(injection));
        }
        assertThat(failures).isEmpty();
        assertDatabaseIntact();
    }

    @Test
    void injectionsInEveryPublicFormFieldAreRefusedOrStoredVerbatim() {
        List<String> failures = new ArrayList<>();
        int stored = 0;
        for (String injection : INJECTIONS) {
            // Sign-up form: the name is free text and is stored as typed; ZIP and email
            // are validated.
            Client visitor = client();
            Map<String, String> details = new LinkedHashMap<>(visitor.hiddenFields("/supporter"));
            details.putAll(
                    Map.of("name", injection, "email", "sqli-" + System.nanoTime() + "@example.org", "zip", "05401"));
            checkPost(failures, visitor, "/supporter", details);
            stored++;
            for (String field : List.of("email", "zip", "next", "formToken", "updates")) {
                Map<String, String> bad = new LinkedHashMap<>(visitor.hiddenFields("/supporter"));
                bad.putAll(Map.of("name", "Field Test", "email", "field@example.org", "zip", "05401"));
                bad.put(field, injection);
                checkPost(failures, visitor, "/supporter", bad);
            }
            // Story form: every field.
            Client storyteller = client();
            for (String field : List.of("title", "body", "attribution", "displayName", "contentWarning", "contactEmail",
                    "publishOnSite", "formToken")) {
                Map<String, String> story = new LinkedHashMap<>(
                        storyteller.hiddenFields("/campaigns/tsra/stories/new"));
                story.putAll(Map.of("title", "T", "body", "B", "attribution", "PSEUDONYM", "displayName", "D",
                        "publishOnSite", "true"));
                story.put(field, injection);
                checkPost(failures, storyteller, "/campaigns/tsra/stories", story);
            }
            // Action forms: every field, posted by a supporter who gave their details.
            Client supporter = signedUp("Form Tester");
            String csrf = supporter.hiddenFields("/supporter").get("_csrf");
            Map<String, List<String>> actionFields = Map.of("letter",
                    List.of("zip", "district", "targets", "subject", "delivery", "formToken"), "call",
                    List.of("zip", "district", "step", "bioguideId", "outcome", "formToken"), "meeting",
                    List.of("zip", "district", "bioguideId", "officeId", "name", "email", "phone", "preferredDates",
                            "organisation", "topic"));
            int posts = 0;
            for (var action : actionFields.entrySet()) {
                for (String field : action.getValue()) {
                    if (++posts % (POSTS_PER_MINUTE - 2) == 0) {
                        supporter = signedUp("Form Tester");
                        csrf = supporter.hiddenFields("/supporter").get("_csrf");
                    }
                    // A token the site issued (a made-up one is dropped as a bot's before
                    // any field is read).
                    String formToken = supporter
                        .hiddenFields("/campaigns/tsra/" + action.getKey() + "?zip=05401&district=VT-0")
                        .get("formToken");
                    Map<String, String> form = new LinkedHashMap<>(
                            Map.of("_csrf", csrf, "formToken", formToken, "zip", "05401", "district", "VT-00"));
                    form.put(field, injection);
                    checkPost(failures, supporter, "/campaigns/tsra/" + action.getKey(), form);
                }
            }
        }
        assertThat(failures).isEmpty();
        for (String injection : INJECTIONS) {
            assertThat(jdbc.queryForObject("select count(*) from supporter where name = ?", Long.class,
                    injection.replace("\u0000", "")))
                .as("supporter named " + injection)
                .isGreaterThanOrEqualTo(1);
        }
        Map<String, Long> after = counts();
        assertThat(after.get("legislator")).isEqualTo(countsBefore.get("legislator"));
        assertThat(after.get("zcta_district")).isEqualTo(countsBefore.get("zcta_district"));
        assertThat(after.get("campaign")).isEqualTo(countsBefore.get("campaign"));
        assertThat(after.get("supporter")).isGreaterThanOrEqualTo(countsBefore.get("supporter") + stored);
    }

    private Client signedUp(String name) {
        Client client = client();
        Map<String, String> details = new LinkedHashMap<>(client.hiddenFields("/supporter"));
        details.putAll(Map.of("name", name, "email", "tester-" + System.nanoTime() + "@example.org", "zip", "05401"));
        assertThat(client.post("/supporter", details).statusCode()).isEqualTo(302);
        return client;
    }

    private void check(List<String> failures, Client client, String path) {
        verdict(failures, "GET " + path, client.get(path));
    }

    private void checkPost(List<String> failures, Client client, String path, Map<String, String> form) {
        verdict(failures, "POST " + path + " " + form, client.post(path, form));
    }

    private static void verdict(List<String> failures, String request, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500 || status == 403 || status == 429) {
            failures.add(request + " -> " + status);
        }
        for (String leak : List.of("Exception", "at org.", "PSQL", "SQLState", "syntax error", "relation \"",
                "Whitelabel", "org.hibernate", "jdbc")) {
            if (body.contains(leak)) {
                failures.add(request + " -> body shows " + leak);
            }
        }
    }

    private void assertDatabaseIntact() {
        for (String table : TABLES) {
            assertThat(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, "public." + table))
                .as("table " + table)
                .isTrue();
        }
        Map<String, Long> after = counts();
        assertThat(after.get("legislator")).isEqualTo(countsBefore.get("legislator"));
        assertThat(after.get("zcta_district")).isEqualTo(countsBefore.get("zcta_district"));
        assertThat(after.get("campaign")).isEqualTo(countsBefore.get("campaign"));
        assertThat(after.get("supporter")).isGreaterThanOrEqualTo(countsBefore.get("supporter"));
    }

}
