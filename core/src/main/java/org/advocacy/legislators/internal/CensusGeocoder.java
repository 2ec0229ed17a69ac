package org.advocacy.legislators.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.LookupException;
import org.advocacy.legislators.LookupException.Reason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Finds the congressional district of a street address with the US Census geocoder
 * ({@code geographies/onelineaddress}, current benchmark and vintage, which carry the
 * 119th Congress districts). Short timeouts: when the geocoder is slow or unreachable the
 * supporter is offered the list of districts instead.
 */
@Component
public class CensusGeocoder {

    private static final Logger log = LoggerFactory.getLogger(CensusGeocoder.class);

    private static final Pattern CD_FIELD = Pattern.compile("^CD\\d+$");

    private final URI baseUrl;

    private final String benchmark;

    private final String vintage;

    private final Duration timeout;

    private final HttpClient http;

    private final ObjectMapper json;

    private final UsStateRepository states;

    private volatile Map<String, String> stateByFips = Map.of();

    CensusGeocoder(@Value("${advocacy.geocoder.base-url:https://geocoding.geo.census.gov/geocoder}") String baseUrl,
            @Value("${advocacy.geocoder.benchmark:Public_AR_Current}") String benchmark,
            @Value("${advocacy.geocoder.vintage:Current_Current}") String vintage,
            @Value("${advocacy.geocoder.timeout:PT3S}") Duration timeout, ObjectMapper json, UsStateRepository states) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.benchmark = benchmark;
        this.vintage = vintage;
        this.timeout = timeout;
        this.json = json;
        this.states = states;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * The district of the address; empty when the geocoder matched no address or no
     * district.
     */
    public Optional<DistrictRef> district(String oneLineAddress) {
        URI uri = baseUrl
            .resolve("geographies/onelineaddress?address=" + URLEncoder.encode(oneLineAddress, StandardCharsets.UTF_8)
                    + "&benchmark=" + URLEncoder.encode(benchmark, StandardCharsets.UTF_8) + "&vintage="
                    + URLEncoder.encode(vintage, StandardCharsets.UTF_8) + "&format=json");
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (HttpTimeoutException e) {
            throw unavailable("timed out after " + timeout.toMillis() + " ms");
        }
        catch (IOException e) {
            throw unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw unavailable("HTTP " + response.statusCode());
        }
        if (response.statusCode() != 200) {
            // The geocoder answers 400 for an address it cannot parse.
            return Optional.empty();
        }
        try {
            return parse(json.readTree(response.body()));
        }
        catch (JacksonException e) {
            throw unavailable("an answer that is not JSON");
        }
    }

    private Optional<DistrictRef> parse(JsonNode root) {
        JsonNode matches = root.path("result").path("addressMatches");
        if (!matches.isArray() || matches.isEmpty()) {
            return Optional.empty();
        }
        JsonNode geographies = matches.get(0).path("geographies");
        String bestLayer = null;
        int bestCongress = -1;
        for (String name : geographies.propertyNames()) {
            if (name.contains("Congressional District")) {
                int congress = leadingNumber(name);
                if (congress > bestCongress) {
                    bestCongress = congress;
                    bestLayer = name;
                }
            }
        }
        if (bestLayer == null || geographies.path(bestLayer).isEmpty()) {
            return Optional.empty();
        }
        JsonNode district = geographies.path(bestLayer).get(0);
        String fips = district.path("STATE").asString("");
        String code = null;
        for (String field : district.propertyNames()) {
            if (CD_FIELD.matcher(field).matches()) {
                code = district.path(field).asString("");
            }
        }
        String state = stateOf(fips);
        if (state == null || code == null || !code.matches("^\\d{1,2}$")) {
            return Optional.empty();
        }
        int number = Integer.parseInt(code);
        // The Census writes at-large seats as 00 and the DC/PR delegate seats as 98.
        return Optional.of(new DistrictRef(state, number == 98 ? 0 : number));
    }

    private static int leadingNumber(String layer) {
        var matcher = Pattern.compile("^(\\d+)").matcher(layer);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private @Nullable String stateOf(String fips) {
        if (stateByFips.isEmpty()) {
            Map<String, String> byFips = new HashMap<>();
            states.findAll().forEach(state -> byFips.put(state.getFips(), state.getCode()));
            stateByFips = Map.copyOf(byFips);
        }
        return stateByFips.get(fips);
    }

    private LookupException unavailable(String why) {
        log.warn("Census geocoder at {} unavailable: {}", baseUrl, why);
        return new LookupException(Reason.GEOCODER_UNAVAILABLE,
                "The address service cannot be reached just now; choose your district from the list instead");
    }

}
