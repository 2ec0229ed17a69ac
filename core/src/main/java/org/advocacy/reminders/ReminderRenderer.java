package org.advocacy.reminders;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.advocacy.shared.Placeholders;
import org.advocacy.shared.PublicUrls;
import org.advocacy.shared.RichText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Personalises a reminder for one supporter. Placeholder values are HTML-escaped before
 * they go into the HTML part, and the resulting HTML is sanitised with {@link RichText},
 * so neither staff nor a supporter's name can put markup or scripts into an email. Every
 * email ends with its unsubscribe link.
 */
@Component
public class ReminderRenderer {

    /** The placeholders staff may use, with what each becomes. */
    public static final Map<String, String> PLACEHOLDERS = placeholders();

    /**
     * The US Capitol switchboard, for supporters whose seat we could not resolve: it
     * connects to any office.
     */
    static final String CAPITOL_SWITCHBOARD = "(202) 224-3121";

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LegislatorContacts contacts;

    private final PublicUrls urls;

    ReminderRenderer(LegislatorContacts contacts, PublicUrls urls) {
        this.contacts = contacts;
        this.urls = urls;
    }

    private static Map<String, String> placeholders() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("supporter.name", "the supporter's name");
        p.put("supporter.firstName", "the first word of the supporter's name");
        p.put("representative.name", "their House member, e.g. \"Rep. Becca Balint\"");
        p.put("representative.phone", "their House member's DC phone number");
        p.put("senators", "their senators with phone numbers, e.g. \"Sen. A (202-…) and Sen. B (202-…)\"");
        p.put("unsubscribe.url", "their personal unsubscribe link");
        return Map.copyOf(p);
    }

    /**
     * Placeholders in the text that are not known, in the order written; empty when the
     * template is fine.
     */
    public static Set<String> unknownPlaceholders(String template) {
        return Placeholders.unknown(template, PLACEHOLDERS.keySet());
    }

    public RenderedEmail render(String subject, String html, String text, Recipient recipient) {
        return render(subject, html, text, recipient, List.of());
    }

    /**
     * Renders with extra footer links (label, URL), such as an automatic reminder's own
     * opt-out.
     */
    RenderedEmail render(String subject, String html, String text, Recipient recipient,
            List<Map.Entry<String, String>> extraLinks) {
        Map<String, String> values = values(recipient);
        String unsubscribeUrl = values.get("unsubscribe.url");
        String filledHtml = htmlDocument(substitute(html, values, true), extraLinks, unsubscribeUrl);
        return new RenderedEmail(recipient.email(), subject(Placeholders.fill(subject, values::get)),
                RichText.sanitize(filledHtml), text(Placeholders.fill(text, values::get), extraLinks, unsubscribeUrl),
                unsubscribeUrl);
    }

    /**
     * A reminder's template prepared for many recipients: each
     * {@link #render(PreparedReminder, Recipient)} gives the same email as
     * {@link #render(String, String, String, Recipient)}, without matching the
     * placeholders or sanitising the HTML again.
     */
    PreparedReminder prepare(String subject, String html, String text) {
        String nonce;
        do {
            nonce = "q" + Long.toHexString(RANDOM.nextLong() | Long.MIN_VALUE) + "n";
        }
        while (html.contains(nonce));
        Placeholders.Parsed parsed = Placeholders.parse(html);
        List<String> markers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder marked = new StringBuilder(parsed.literals().getFirst());
        for (int i = 0; i < parsed.names().size(); i++) {
            String name = parsed.names().get(i);
            String marker = nonce + markers.size() + "z";
            markers.add(marker);
            if ("unsubscribe.url".equals(name)) {
                names.add(PreparedReminder.UNSUBSCRIBE_TOKEN);
                marked.append(RichText.escape(urls.unsubscribe(marker)));
            }
            else {
                // A placeholder staff may not use becomes nothing, as in substitute().
                names.add(PLACEHOLDERS.containsKey(name) ? name : "");
                marked.append(marker);
            }
            marked.append(parsed.literals().get(i + 1));
        }
        String footerMarker = nonce + markers.size() + "z";
        markers.add(footerMarker);
        names.add(PreparedReminder.UNSUBSCRIBE_TOKEN);
        String sanitised = RichText
            .sanitize(htmlDocument(marked.toString(), List.of(), urls.unsubscribe(footerMarker)));
        return PreparedReminder.of(subject, html, text, sanitised, markers, names);
    }

    RenderedEmail render(PreparedReminder prepared, Recipient recipient) {
        Map<String, String> values = values(recipient);
        String unsubscribeUrl = values.get("unsubscribe.url");
        String html = prepared.html(values, recipient.unsubscribeToken());
        if (html == null) {
            return render(prepared.subject(), prepared.html(), prepared.text(), recipient);
        }
        return new RenderedEmail(recipient.email(), subject(prepared.subjectParts().fill(values::get)), html,
                text(prepared.textParts().fill(values::get), List.of(), unsubscribeUrl), unsubscribeUrl);
    }

    private static String subject(String filled) {
        return LINE_BREAKS.matcher(filled).replaceAll(" ").strip();
    }

    private static String text(String filled, List<Map.Entry<String, String>> extraLinks, String unsubscribeUrl) {
        StringBuilder textBody = new StringBuilder(filled.stripTrailing());
        textBody.append("\n\n--\n");
        for (Map.Entry<String, String> link : extraLinks) {
            textBody.append(link.getKey()).append(": ").append(link.getValue()).append('\n');
        }
        return textBody.append("Unsubscribe from all emails: ").append(unsubscribeUrl).append('\n').toString();
    }

    /** The filled HTML with its footer, to be sanitised. */
    private static String htmlDocument(String filled, List<Map.Entry<String, String>> extraLinks,
            String unsubscribeUrl) {
        StringBuilder htmlBody = new StringBuilder(filled);
        htmlBody.append("<p>--<br>");
        for (Map.Entry<String, String> link : extraLinks) {
            htmlBody.append("<a href=\"")
                .append(RichText.escape(link.getValue()))
                .append("\">")
                .append(RichText.escape(link.getKey()))
                .append("</a><br>");
        }
        return htmlBody.append("<a href=\"")
            .append(RichText.escape(unsubscribeUrl))
            .append("\">Unsubscribe from all emails</a></p>")
            .toString();
    }

    private Map<String, String> values(Recipient recipient) {
        Map<String, String> values = new LinkedHashMap<>();
        String name = recipient.name().strip();
        values.put("supporter.name", name);
        values.put("supporter.firstName", name.isEmpty() ? name : name.split("\\s+")[0]);
        var representative = contacts.representative(recipient.state(), recipient.district());
        values.put("representative.name",
                representative.map(LegislatorContacts.Contact::name).orElse("your member of the House"));
        values.put("representative.phone",
                representative.map(LegislatorContacts.Contact::phone)
                    .filter(p -> p != null && !p.isBlank())
                    .orElse(CAPITOL_SWITCHBOARD));
        List<LegislatorContacts.Contact> senators = contacts.senators(recipient.state());
        values.put("senators",
                senators.isEmpty() ? "your senators (Capitol switchboard " + CAPITOL_SWITCHBOARD + ")"
                        : senators.stream()
                            .map(s -> s.name() + " (" + phoneOrSwitchboard(s.phone()) + ")")
                            .collect(Collectors.joining(" and ")));
        values.put("unsubscribe.url", urls.unsubscribe(recipient.unsubscribeToken()));
        return values;
    }

    private static String phoneOrSwitchboard(@Nullable String phone) {
        return phone == null || phone.isBlank() ? CAPITOL_SWITCHBOARD : phone;
    }

    /**
     * Saving refuses unknown placeholders; should one still arrive, it is dropped, never
     * sent raw.
     */
    private static String substitute(String template, Map<String, String> values, boolean html) {
        return Placeholders.fill(template, name -> {
            String value = values.get(name);
            return value != null && html ? RichText.escape(value) : value;
        });
    }

}
