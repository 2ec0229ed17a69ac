package org.advocacy.site.lookup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.advocacy.legislators.DistrictOffice;
import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorLookup;
import org.advocacy.legislators.LookupException;
import org.advocacy.legislators.LookupService;
import org.advocacy.legislators.LookupVersion;
import org.advocacy.site.caching.SameForEveryone;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/lookup?zip=NNNNN[&address=...|&district=ST-NN]}: who represents a
 * ZIP code. {@code districts} lists the settled district, or every district of a split
 * ZIP that is not settled; {@code legislators} then lists every candidate's member, and
 * the senators when the ZIP lies in one state. Answers carry an ETag that changes with
 * the roster and the ZIP table.
 */
@RestController
class LookupApiController {

    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(5))
        .cachePublic()
        .mustRevalidate();

    private final LookupService lookups;

    private final LookupVersion version;

    LookupApiController(LookupService lookups, LookupVersion version) {
        this.lookups = lookups;
        this.version = version;
    }

    record DistrictJson(String state, int district) {
    }

    record OfficeJson(String city, String address, @Nullable String zip, @Nullable String phone) {
    }

    record LegislatorJson(String bioguideId, String name, String chamber, String state, @Nullable Integer district,
            String party, @Nullable String phone, @Nullable String office, @Nullable String url,
            @Nullable String contactForm, List<OfficeJson> offices) {
    }

    record LookupJson(@Nullable String zip, @Nullable String state, boolean split, List<DistrictJson> districts,
            List<LegislatorJson> legislators) {
    }

    @SameForEveryone(unlessParameters = "address")
    @GetMapping(path = "/api/v1/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> lookup(@RequestParam(required = false) @Nullable String zip,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable String district,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        if (zip == null || zip.isBlank()) {
            return ResponseEntity.badRequest().body(error("The zip parameter is required: five digits, like 20002"));
        }
        if (address != null && !address.isBlank() && district != null && !district.isBlank()) {
            return ResponseEntity.badRequest().body(error("Give either an address or a district, not both"));
        }
        String etag = etag(zip, address, district);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHING).build();
        }
        LegislatorLookup result;
        try {
            if (district != null && !district.isBlank()) {
                DistrictRef chosen;
                try {
                    chosen = DistrictRef.parse(district);
                }
                catch (IllegalArgumentException e) {
                    return ResponseEntity.badRequest()
                        .body(error("A district is written like CA-12, or VT-0 for an at-large seat"));
                }
                result = lookups.lookup(zip, chosen);
            }
            else if (address != null && !address.isBlank()) {
                result = lookups.lookup(zip, address);
            }
            else {
                result = lookups.lookup(zip);
            }
        }
        catch (LookupException e) {
            HttpStatus status = e.reason() == LookupException.Reason.GEOCODER_UNAVAILABLE
                    ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST;
            return ResponseEntity.status(status).body(error(e.getMessage()));
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CACHING).body(json(result));
    }

    private String etag(String zip, @Nullable String address, @Nullable String district) {
        String key = zip.strip() + "|" + (address == null ? "" : address.strip()) + "|"
                + (district == null ? "" : district.strip().toUpperCase(Locale.ROOT));
        return "\"" + version.current() + "-" + DigestUtils.md5DigestAsHex(key.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message);
    }

    static LookupJson json(LegislatorLookup result) {
        List<DistrictJson> districts = new ArrayList<>();
        List<LegislatorJson> legislators = new ArrayList<>();
        if (result.settled()) {
            districts.add(new DistrictJson(result.district().state(), result.district().district()));
            result.legislators().forEach(l -> legislators.add(legislator(l)));
        }
        else {
            for (LegislatorLookup.Candidate candidate : result.candidates()) {
                districts.add(new DistrictJson(candidate.district().state(), candidate.district().district()));
                if (candidate.representative() != null) {
                    legislators.add(legislator(candidate.representative()));
                }
            }
            result.senators().forEach(l -> legislators.add(legislator(l)));
        }
        String state = result.settled() ? result.district().state() : result.state();
        return new LookupJson(result.zip(), state, result.split(), districts, legislators);
    }

    private static LegislatorJson legislator(Legislator l) {
        List<OfficeJson> offices = new ArrayList<>();
        for (DistrictOffice office : l.getOffices()) {
            offices.add(new OfficeJson(office.getCity(), office.streetLine(), office.getZip(), office.getPhone()));
        }
        return new LegislatorJson(l.getBioguideId(), l.getDisplayName(), l.getChamber().apiName(), l.getState(),
                l.getDistrict(), l.getParty(), l.getPhone(), l.getDcOffice(), l.getWebsiteUrl(), l.getContactFormUrl(),
                offices);
    }

}
