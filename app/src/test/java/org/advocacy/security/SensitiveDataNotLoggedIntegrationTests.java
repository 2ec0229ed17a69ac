package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What supporters and survivors type on the public site (names, email addresses, stories)
 * never ends up in the logs, at the application's normal log levels: not when it is
 * saved, not when sending the follow-up email fails (the mail server here is a closed
 * port), and not when the submission is refused or malformed, which is where request
 * content most often gets logged. Each run uses markers no earlier run used, checks that
 * they reached the database, and checks that the server's own log lines of the same
 * requests were captured, so a leak would show.
 */
@ExtendWith(OutputCaptureExtension.class)
class SensitiveDataNotLoggedIntegrationTests extends SecurityIntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    JdbcTemplate jdbc;

    /** This test's markers (JUnit makes a new instance per test). */
    private final List<String> markers = new ArrayList<>();

    /**
     * A lowercase token that appears nowhere else, so finding it in the output can only
     * mean a leak; it survives URL-encoding and HTML-escaping, so it also finds a value
     * logged in either form.
     */
    String marker(String prefix) {
        String marker = prefix + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        markers.add(marker);
        return marker;
    }

    /**
     * None of the values this test sent, whole or as their unique parts, is in the
     * captured output.
     */
    void assertNotLogged(CapturedOutput output, String... values) {
        String logged = output.getAll();
        assertThat(markers).isNotEmpty();
        for (String marker : markers) {
            assertThat(logged).as("the output contains the marker " + marker).doesNotContainIgnoringCase(marker);
        }
        for (String value : values) {
            assertThat(logged).doesNotContain(value);
        }
    }

    @Test
    void supporterDetailsAndSignUpsForUpdatesAreNotLogged(CapturedOutput output) {
        String name = "Ottoline " + marker("nm");
        String email = marker("em") + "@example.org";
        String subscriberName = "Leontyne " + marker("nm");
        String subscriberEmail = marker("em") + "@example.org";

        assertThat(details(client(), name, email, "05401", false).statusCode()).isEqualTo(302);
        assertThat(details(client(), subscriberName, subscriberEmail, "05401", true).statusCode()).isEqualTo(302);

        assertThat(jdbc.queryForObject("select count(*) from supporter where email = ? and name = ?", Integer.class,
                email, name))
            .as("the supporter reached the database")
            .isOne();
        assertThat(jdbc.queryForObject(
                "select count(*) from supporter where email = ? and name = ?" + " and consent_requested_at is not null",
                Integer.class, subscriberEmail, subscriberName))
            .as("the sign-up reached the database")
            .isOne();
        assertThat(output.getAll()).as("the failed confirmation email was logged (so logging is captured)")
            .contains("Could not send");
        assertNotLogged(output, name, email, subscriberName, subscriberEmail);
    }

    @Test
    void storiesAndTheirSubmittersAreNotLogged(CapturedOutput output) {
        String title = "Title " + marker("ti");
        String body = "What happened to me " + marker("st") + ", and what the record did afterwards.";
        String displayName = "Perpetua " + marker("nm");
        String contactEmail = marker("em") + "@example.org";

        HttpResponse<String> submitted = story(client(), Map.of("title", title, "body", body, "attribution", "NAME",
                "displayName", displayName, "contactEmail", contactEmail, "publishOnSite", "true"));

        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from story where title = ? and body = ? and display_name = ?"
                + " and contact_email = ?", Integer.class, title, body, displayName, contactEmail))
            .as("the story reached the database")
            .isOne();
        assertThat(output.getAll()).as("the failed receipt email was logged (so logging is captured)")
            .contains("Could not send");
        assertNotLogged(output, title, body, displayName, contactEmail);
    }

    @Test
    void refusedAndMalformedSubmissionsAreNotLogged(CapturedOutput output) {
        String name = "Anselma " + marker("nm");
        String email = marker("em") + "@example.org";
        String body = "Refused story " + marker("st");

        // Invalid input: the form comes back with the values filled in, nothing is
        // stored.
        assertThat(details(client(), name, email, "5401x", true).statusCode()).isEqualTo(200);
        assertThat(details(client(), name, email.replace("@", " at "), "05401", true).statusCode()).isEqualTo(200);
        assertThat(details(client(), name + " " + "x".repeat(200), email, "05401", true).statusCode()).isEqualTo(200);
        assertThat(story(client(),
                Map.of("title", "", "body", body, "attribution", "NAME", "displayName", name, "contactEmail", email))
            .statusCode()).isEqualTo(200);

        // A missing, forged or undecodable CSRF token.
        for (@Nullable
        String token : Arrays.asList(null, "forged-token", "not base64 !!!")) {
            Client visitor = client();
            Map<String, String> hidden = visitor.hiddenFields("/supporter");
            Map<String, String> form = new LinkedHashMap<>(Map.of("name", name, "email", email, "zip", "05401",
                    "updates", "true", "formToken", hidden.get("formToken")));
            if (token != null) {
                form.put("_csrf", token);
            }
            assertThat(visitor.post("/supporter", form).statusCode()).as("CSRF token " + token).isEqualTo(403);
            Client storyteller = client();
            Map<String, String> storyForm = new LinkedHashMap<>(Map.of("title", "A title", "body", body, "attribution",
                    "NAME", "displayName", name, "contactEmail", email, "publishOnSite", "true", "formToken",
                    storyteller.hiddenFields("/campaigns/tsra/stories/new").get("formToken")));
            if (token != null) {
                storyForm.put("_csrf", token);
            }
            assertThat(storyteller.post("/campaigns/tsra/stories", storyForm).statusCode()).isEqualTo(403);
        }

        // Malformed forms: values that do not convert, broken percent-encoding, a body
        // that is not a form.
        assertThat(detailsWith(client(), Map.of("name", name, "email", email, "zip", "05401", "updates", "maybe"))
            .statusCode()).as("a checkbox that is not a boolean").isLessThan(500);
        assertThat(story(client(), Map.of("title", "A title", "body", body, "attribution", "NAME", "displayName", name,
                "contactEmail", email, "publishOnSite", "perhaps"))
            .statusCode()).isLessThan(500);
        assertThat(raw(client(), "/supporter", "application/x-www-form-urlencoded",
                "name=" + urlParam(name) + "%ZZ&email=" + urlParam(email) + "%E0%A4&zip=05401")
            .statusCode()).as("broken percent-encoding").isLessThan(500);
        assertThat(raw(client(), "/campaigns/tsra/stories", "application/x-www-form-urlencoded",
                "title=x&attribution=NAME&body=" + urlParam(body) + "%&displayName=" + urlParam(name) + "%G1")
            .statusCode()).isLessThan(500);
        assertThat(raw(client(), "/supporter", "application/json",
                "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"zip\":\"05401\"}")
            .statusCode()).as("JSON where a form is expected").isLessThan(500);
        assertThat(raw(client(), "/campaigns/tsra/stories", "multipart/form-data; boundary=missing",
                "--other\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n" + body + "\r\n")
            .statusCode()).as("a multipart body with the wrong boundary").isLessThan(500);

        assertThat(jdbc.queryForObject("select count(*) from supporter where email = ?", Integer.class, email))
            .as("none of these was stored")
            .isZero();
        assertThat(jdbc.queryForObject("select count(*) from story where body like ?", Integer.class, body + "%"))
            .isZero();

        // An address the site accepts but the mail library cannot send to: stored, then
        // the email fails (that
        // failure used to name the address, and SupporterMails logs it).
        String oddEmail = marker("em") + "," + marker("em") + "@example.org";
        assertThat(details(client(), name, oddEmail, "05401", true).statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from supporter where email = ?", Integer.class, oddEmail))
            .as("the odd address reached the database")
            .isOne();
        assertThat(output.getAll()).as("its failed email was logged (so logging is captured)")
            .contains("Could not send");

        assertNotLogged(output, name, email, body, oddEmail);
    }

    /**
     * Fills the supporter-details form the way a browser does: the page's CSRF and form
     * tokens included.
     */
    HttpResponse<String> details(Client visitor, String name, String email, String zip, boolean updates) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("name", name, "email", email, "zip", zip, "next", "/"));
        if (updates) {
            form.put("updates", "true");
        }
        return detailsWith(visitor, form);
    }

    HttpResponse<String> detailsWith(Client visitor, Map<String, String> values) {
        Map<String, String> form = new LinkedHashMap<>(visitor.hiddenFields("/supporter"));
        form.putAll(values);
        return visitor.post("/supporter", form);
    }

    HttpResponse<String> story(Client visitor, Map<String, String> values) {
        Map<String, String> form = new LinkedHashMap<>(visitor.hiddenFields("/campaigns/tsra/stories/new"));
        form.putAll(values);
        return visitor.post("/campaigns/tsra/stories", form);
    }

    /**
     * A post whose body is sent exactly as given, with the session's CSRF token in the
     * query string.
     */
    HttpResponse<String> raw(Client visitor, String path, String contentType, String body) {
        String csrf = visitor.hiddenFields("/supporter").get("_csrf");
        return visitor.send(HttpRequest.newBuilder(URI.create(base() + path + "?_csrf=" + urlParam(csrf)))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
    }

}
