package org.advocacy.admin.ui;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.advocacy.campaigns.CampaignService;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.staff.StaffUserService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

/**
 * The one place the console turns machine values into words for staff: instants in the
 * staff member's own time zone (their {@code staff_user.time_zone}, else
 * {@code advocacy.console.time-zone}), enum codes in words from the message bundle,
 * members of Congress and campaigns by name, seats ("DE at large") and counts with the
 * right plural. Every view takes it by injection, or {@link #current()} where it cannot.
 */
@Component
public class ConsoleFormat {

    /**
     * Session attribute caching the zone, so a grid of a thousand rows looks it up once.
     */
    static final String ZONE_ATTRIBUTE = ConsoleFormat.class.getName() + ".zone";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, h:mm a", Locale.ENGLISH);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ZoneId organisationZone;

    private final StaffUserService staff;

    private final MessageSource messages;

    private final LegislatorService legislators;

    private final CampaignService campaigns;

    ConsoleFormat(@Value("${advocacy.console.time-zone:America/New_York}") String organisationZone,
            StaffUserService staff, MessageSource messages, LegislatorService legislators, CampaignService campaigns) {
        this.organisationZone = ZoneId.of(organisationZone);
        this.staff = staff;
        this.messages = messages;
        this.legislators = legislators;
        this.campaigns = campaigns;
    }

    /** The bean, for static helpers and components built outside Spring. */
    public static ConsoleFormat current() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(ConsoleFormat.class);
    }

    public ZoneId organisationZone() {
        return organisationZone;
    }

    /** The logged-in staff member's zone: their own choice, else the organisation's. */
    public ZoneId zone() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(ZONE_ATTRIBUTE) instanceof ZoneId cached) {
            return cached;
        }
        ZoneId zone = lookUpZone();
        if (session != null) {
            session.setAttribute(ZONE_ATTRIBUTE, zone);
        }
        return zone;
    }

    /** Forgets the cached zone after the staff member changed it. */
    public void zoneChanged() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(ZONE_ATTRIBUTE, null);
        }
    }

    private ZoneId lookUpZone() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return organisationZone;
        }
        return staff.timeZoneOf(authentication.getName())
            .filter(ZoneId.getAvailableZoneIds()::contains)
            .map(ZoneId::of)
            .orElse(organisationZone);
    }

    /** "The zone: America/Chicago" in the form "Chicago time (America/Chicago)". */
    public String zoneName() {
        return zoneName(zone());
    }

    public static String zoneName(ZoneId zone) {
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') + " time (" + id + ")";
    }

    /** "1 Dec 2026, 8:43 AM" in the staff member's zone; "" for none. */
    public String when(@Nullable Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(zone()));
    }

    /**
     * As {@link #when} with the zone's short name, for a value shown on its own ("…
     * EST").
     */
    public String whenWithZone(@Nullable Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(zone())) + " "
                + DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(at.atZone(zone()));
    }

    public String day(@Nullable LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /**
     * An enum value in words: the bundle's {@code enum.<Type>.<NAME>}, else the code made
     * readable ("NOT_SUBSCRIBED" → "Not subscribed"), never the bare code.
     */
    public String words(@Nullable Enum<?> value) {
        if (value == null) {
            return "";
        }
        String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        return messages.getMessage(key, null, readable(value.name()), Locale.ENGLISH);
    }

    /**
     * A code string in words, for values that are not Java enums (Spring Batch statuses,
     * states in SQL).
     */
    public String words(String type, @Nullable String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return messages.getMessage("enum." + type + "." + code, null, readable(code), Locale.ENGLISH);
    }

    static String readable(String code) {
        // "campaign.update" (audit actions) reads "Campaign: update"; "NOT_SUBSCRIBED"
        // reads "Not subscribed";
        // "ToolkitResource" (record types) reads "Toolkit resource".
        String spaced = code.matches("[A-Z][a-z]+([A-Z][a-z]+)+") ? code.replaceAll("(?<=[a-z])(?=[A-Z])", " ") : code;
        String lower = spaced.replace(".", ": ").replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT).strip();
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /**
     * A message from the bundle with ICU-style plurals ({@code {0,choice,0#no
     * supporters|1#one supporter|1<{0} supporters}}).
     */
    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.ENGLISH);
    }

    /** "1 supporter", "3 supporters". */
    public static String count(long n, String one, String other) {
        return MessageFormat.format("{0,number,integer} {1}", n, n == 1 ? one : other);
    }

    /** "DE at large", "AL-4", "NV" for a senator. */
    public static String seat(Legislator legislator) {
        return seat(legislator.getState(), legislator.getDistrict());
    }

    public static String seat(@Nullable String state, @Nullable Integer district) {
        if (state == null) {
            return "";
        }
        if (district == null) {
            return state;
        }
        return district == 0 ? state + " at large" : state + "-" + district;
    }

    /** "Rep. Robert Aderholt (R, AL-4)". */
    public static String label(Legislator legislator) {
        return legislator.getTitle() + " " + legislator.getDisplayName() + " (" + legislator.getPartyInitial() + ", "
                + seat(legislator) + ")";
    }

    /**
     * A member of Congress by name with party and seat; "a former member" where the
     * roster lost them.
     */
    public String member(@Nullable String bioguideId) {
        if (bioguideId == null || bioguideId.isBlank()) {
            return "";
        }
        return legislators.find(bioguideId).map(ConsoleFormat::label).orElse("A member no longer on the roster");
    }

    /** A campaign by its title. */
    public String campaign(@Nullable Long campaignId) {
        if (campaignId == null) {
            return "";
        }
        return campaigns.find(campaignId).map(c -> c.getTitle()).orElse("A deleted campaign");
    }

    Optional<String> ownZoneId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? Optional.empty() : staff.timeZoneOf(authentication.getName());
    }

}
