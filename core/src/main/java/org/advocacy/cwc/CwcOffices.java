package org.advocacy.cwc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.RosterSynced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Which office code, if any, a member of Congress receives CWC messages under. House
 * codes follow a rule ({@code H} + state + two-digit district, {@code 00} at large: EFF's
 * {@code OfficeCodes} list). The Senate publishes which offices take CWC (the
 * active-offices JSON, {@code "name":"... [bioguide_id: P000145]"}, {@code
 * "office_code":"SCA03"}): a dated snapshot is bundled and joined with the roster by
 * bioguide id, so senators who have left are ignored; it is refreshed from
 * {@code advocacy.cwc.senate.offices-url} after each roster sync when that answers.
 */
@Component
public class CwcOffices {

    private static final Logger log = LoggerFactory.getLogger(CwcOffices.class);

    private static final Pattern BIOGUIDE = Pattern.compile("bioguide_id:\\s*([A-Z][0-9]{6})");

    private static final Pattern SENATE_CODE = Pattern.compile("^S[A-Z]{2}[0-9]{2}$");
    static final String SNAPSHOT = "cwc/senate-active-offices-2023.json";

    private final CwcSettings settings;

    private final ObjectMapper json;

    private volatile Map<String, String> senateOffices;

    CwcOffices(CwcSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        try (InputStream in = new ClassPathResource(SNAPSHOT).getInputStream()) {
            this.senateOffices = parse(json.readTree(in));
        }
        catch (IOException e) {
            throw new IllegalStateException("The bundled Senate CWC office list is missing", e);
        }
    }

    /**
     * The office code to send to, when this member's chamber is configured and the office
     * takes CWC.
     */
    public Optional<String> officeCode(Legislator legislator) {
        if (!legislator.isInOffice()) {
            return Optional.empty();
        }
        if (legislator.getChamber() == Chamber.HOUSE) {
            Integer district = legislator.getDistrict();
            return settings.house().enabled() && district != null
                    ? Optional.of("H" + legislator.getState() + "%02d".formatted(district)) : Optional.empty();
        }
        if (!settings.senate().enabled()) {
            return Optional.empty();
        }
        return Optional.ofNullable(senateOffices.get(legislator.getBioguideId()))
            .filter(code -> code.substring(1, 3).equals(legislator.getState()));
    }

    public int senateOfficeCount() {
        return senateOffices.size();
    }

    /**
     * Refreshes the Senate list from the live URL; keeps the current one when it cannot
     * be read.
     */
    @TransactionalEventListener(classes = RosterSynced.class, fallbackExecution = true)
    public void refresh() {
        String url = settings.senate().officesUrl();
        if (!settings.senate().enabled() || url == null || url.isBlank()) {
            return;
        }
        try (HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, String> fresh = response.statusCode() == 200 ? parse(json.readTree(response.body())) : Map.of();
            if (fresh.isEmpty()) {
                log.warn("The Senate CWC office list at {} gave no offices (HTTP {}); keeping the {} known", url,
                        response.statusCode(), senateOffices.size());
                return;
            }
            senateOffices = fresh;
            log.info("Senate CWC office list refreshed: {} offices", fresh.size());
        }
        catch (IOException | RuntimeException e) {
            log.warn("The Senate CWC office list at {} could not be read ({}); keeping the {} known", url,
                    e.getClass().getSimpleName(), senateOffices.size());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> parse(JsonNode root) {
        Map<String, String> offices = new HashMap<>();
        if (root == null || !root.isArray()) {
            return offices;
        }
        for (JsonNode entry : root) {
            Matcher bioguide = BIOGUIDE.matcher(entry.path("name").asString(""));
            String code = entry.path("office_code").asString("").strip();
            if (bioguide.find() && SENATE_CODE.matcher(code).matches()) {
                offices.put(bioguide.group(1), code);
            }
        }
        return offices;
    }

}
