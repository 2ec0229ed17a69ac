package org.advocacy.batch.roster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.MemberDetails;
import org.advocacy.legislators.MemberDetails.SocialAccounts;
import org.advocacy.legislators.OfficeDetails;
import org.advocacy.legislators.PartyAffiliation;
import org.advocacy.legislators.RosterMember;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the three files of unitedstates/congress-legislators (current legislators,
 * district offices, social media) into roster members. Each member's current term is the
 * last of their terms. Every quirk of the real data is accepted: district 0 for at-large
 * seats and delegates, members with no phone or office yet, numeric suites, party changes
 * within a term. A record without a required field fails the whole file with a message
 * that names it.
 */
final class RosterParser {

    static final String LEGISLATORS = "legislators-current.yaml";
    static final String OFFICES = "legislators-district-offices.yaml";
    static final String SOCIAL = "legislators-social-media.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private RosterParser() {
    }

    static List<RosterMember> parse(byte[] legislators, byte[] offices, byte[] social) {
        Map<String, List<RosterMember.Office>> officesById = offices(list(offices, OFFICES));
        Map<String, SocialAccounts> socialById = social(list(social, SOCIAL));
        List<RosterMember> members = new ArrayList<>();
        int index = 0;
        for (JsonNode person : list(legislators, LEGISLATORS)) {
            index++;
            String bioguide = text(person.path("id"), "bioguide");
            if (bioguide == null || !bioguide.matches("^[A-Z][0-9]{6}$")) {
                throw invalid(LEGISLATORS, index, bioguide, "id.bioguide is missing or not like A000055");
            }
            EntryLocation record = new EntryLocation(LEGISLATORS, index, bioguide);
            MemberDetails details = member(person, record, socialById.getOrDefault(bioguide, SocialAccounts.NONE));
            members.add(new RosterMember(details, officesById.getOrDefault(bioguide, List.of())));
        }
        return members;
    }

    private record EntryLocation(String file, int index, @Nullable String bioguide) {
    }

    private static MemberDetails member(JsonNode person, EntryLocation record, SocialAccounts social) {
        JsonNode name = person.path("name");
        JsonNode terms = person.path("terms");
        if (!terms.isArray() || terms.isEmpty()) {
            throw invalid(record, "it has no terms");
        }
        JsonNode term = terms.get(terms.size() - 1);
        String type = required(term, "type", record, "terms[-1].type");
        Chamber chamber = switch (type) {
            case "rep" -> Chamber.HOUSE;
            case "sen" -> Chamber.SENATE;
            default -> throw invalid(record, "terms[-1].type is '" + type + "', not rep or sen");
        };
        String state = required(term, "state", record, "terms[-1].state");
        if (!state.matches("^[A-Z]{2}$")) {
            throw invalid(record, "terms[-1].state '" + state + "' is not a two-letter code");
        }
        Integer district = null;
        Integer senateClass = null;
        if (chamber == Chamber.HOUSE) {
            district = integer(term, "district", record);
            if (district == null) {
                throw invalid(record, "terms[-1].district is missing for a House member");
            }
        }
        else {
            senateClass = integer(term, "class", record);
        }
        List<PartyAffiliation> affiliations = new ArrayList<>();
        for (JsonNode affiliation : term.path("party_affiliations")) {
            affiliations.add(new PartyAffiliation(
                    date(required(affiliation, "start", record, "party_affiliations[].start"), record),
                    optionalDate(text(affiliation, "end"), record),
                    required(affiliation, "party", record, "party_affiliations[].party"), text(affiliation, "caucus")));
        }
        return new MemberDetails(record.bioguide(), required(name, "first", record, "name.first"), text(name, "middle"),
                required(name, "last", record, "name.last"), text(name, "suffix"), text(name, "nickname"),
                text(name, "official_full"), chamber, state, district, senateClass, text(term, "state_rank"),
                required(term, "party", record, "terms[-1].party"), text(term, "caucus"), text(term, "address"),
                text(term, "office"), text(term, "phone"), text(term, "url"), text(term, "contact_form"),
                text(term, "rss_url"), date(required(term, "start", record, "terms[-1].start"), record),
                date(required(term, "end", record, "terms[-1].end"), record), text(term, "how"), affiliations, social);
    }

    private static Map<String, List<RosterMember.Office>> offices(JsonNode entries) {
        Map<String, List<RosterMember.Office>> byMember = new HashMap<>();
        int index = 0;
        for (JsonNode entry : entries) {
            index++;
            String bioguide = text(entry.path("id"), "bioguide");
            if (bioguide == null) {
                throw invalid(OFFICES, index, null, "id.bioguide is missing");
            }
            EntryLocation record = new EntryLocation(OFFICES, index, bioguide);
            List<RosterMember.Office> offices = new ArrayList<>();
            for (JsonNode office : entry.path("offices")) {
                String id = required(office, "id", record, "offices[].id");
                Double latitude = decimal(office, "latitude", record);
                Double longitude = decimal(office, "longitude", record);
                if (latitude != null && Math.abs(latitude) > 90 || longitude != null && Math.abs(longitude) > 180) {
                    // The real data has a typo (S001225-rock_island, latitude 441.5):
                    // keep the office, drop the point.
                    latitude = null;
                    longitude = null;
                }
                offices
                    .add(new RosterMember.Office(id, new OfficeDetails(text(office, "address"), text(office, "suite"),
                            text(office, "building"), required(office, "city", record, "offices[].city of " + id),
                            required(office, "state", record, "offices[].state of " + id), text(office, "zip"),
                            text(office, "phone"), text(office, "fax"), text(office, "hours"), latitude, longitude)));
            }
            byMember.put(bioguide, offices);
        }
        return byMember;
    }

    private static Map<String, SocialAccounts> social(JsonNode entries) {
        Map<String, SocialAccounts> byMember = new HashMap<>();
        int index = 0;
        for (JsonNode entry : entries) {
            index++;
            String bioguide = text(entry.path("id"), "bioguide");
            if (bioguide == null) {
                throw invalid(SOCIAL, index, null, "id.bioguide is missing");
            }
            JsonNode social = entry.path("social");
            byMember.put(bioguide, new SocialAccounts(text(social, "twitter"), text(social, "facebook"),
                    text(social, "instagram"), text(social, "youtube"), text(social, "mastodon")));
        }
        return byMember;
    }

    private static JsonNode list(byte[] bytes, String file) {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        }
        catch (JacksonException e) {
            throw new RosterFileException(file + " is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new RosterFileException(file + " is not a YAML list of records");
        }
        if (root.isEmpty()) {
            throw new RosterFileException(file + " has no records");
        }
        return root;
    }

    /**
     * The field as text; numbers (e.g. suite: 350) as their digits; absent, null or blank
     * as null.
     */
    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String required(JsonNode node, String field, EntryLocation record, String path) {
        String value = text(node, field);
        if (value == null) {
            throw invalid(record, path + " is missing");
        }
        return value;
    }

    private static @Nullable Integer integer(JsonNode node, String field, EntryLocation record) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        }
        catch (NumberFormatException e) {
            throw invalid(record, field + " '" + value + "' is not a number");
        }
    }

    private static @Nullable Double decimal(JsonNode node, String field, EntryLocation record) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        }
        catch (NumberFormatException e) {
            throw invalid(record, field + " '" + value + "' is not a number");
        }
    }

    private static LocalDate date(String value, EntryLocation record) {
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            throw invalid(record, "'" + value + "' is not a date like 2025-01-03");
        }
    }

    private static @Nullable LocalDate optionalDate(@Nullable String value, EntryLocation record) {
        return value == null ? null : date(value, record);
    }

    private static RosterFileException invalid(EntryLocation record, String problem) {
        return invalid(record.file(), record.index(), record.bioguide(), problem);
    }

    private static RosterFileException invalid(String file, int index, @Nullable String bioguide, String problem) {
        return new RosterFileException(
                file + ", record " + index + (bioguide == null ? "" : " (" + bioguide + ")") + ": " + problem);
    }

    /** A roster file that cannot be used; the message names the file and the record. */
    static final class RosterFileException extends RuntimeException {

        RosterFileException(String message) {
            super(message);
        }

    }

}
