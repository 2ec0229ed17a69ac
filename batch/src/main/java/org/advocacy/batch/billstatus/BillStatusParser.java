package org.advocacy.batch.billstatus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.advocacy.bills.BillStatusSource.UnavailableException;
import org.advocacy.bills.BillType;
import org.advocacy.bills.Cosponsor;
import org.advocacy.bills.OfficialBillRecord;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a Bill Status XML file, in the current format
 * ({@code <billStatus><version>3.0.0}) or the legacy one ({@code billNumber},
 * {@code billType}, {@code identifiers/bioguideId}). The parser refuses DTDs and external
 * entities (no XXE). The status history comes from {@link ActionMapper}.
 */
final class BillStatusParser {

    static final int SHORT_TITLE_MAX = 200;
    static final int OFFICIAL_TITLE_MAX = 1000;
    static final int NAME_MAX = 200;

    private BillStatusParser() {
    }

    static OfficialBillRecord parse(byte[] xml) {
        Element root = document(xml).getDocumentElement();
        if (!"billStatus".equals(root.getTagName())) {
            throw invalid("the root element is <" + root.getTagName() + ">, not <billStatus>");
        }
        Element bill = child(root, "bill").orElseThrow(() -> invalid("there is no <bill> element"));
        int congress = integer(bill, "congress");
        int number = integer(bill, text(bill, "number") != null ? "number" : "billNumber");
        String typeCode = Optional.ofNullable(text(bill, "type")).orElse(text(bill, "billType"));
        BillType type = billType(typeCode);
        String shortTitle = shortTitle(bill);
        return new OfficialBillRecord(congress, type, number, shortTitle, officialTitle(bill), summary(bill),
                sponsor(bill), cosponsors(bill), ActionMapper.map(ActionMapper.read(bill)), publicLaw(bill));
    }

    private static Document document(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(xml));
        }
        catch (SAXParseException e) {
            throw invalid("it is not well-formed XML (line " + e.getLineNumber() + ": " + e.getMessage() + ")");
        }
        catch (SAXException | IOException | ParserConfigurationException e) {
            throw invalid("it cannot be read as XML (" + e.getMessage() + ")");
        }
    }

    private static BillType billType(@Nullable String code) {
        if (code == null) {
            throw invalid("the bill has no type");
        }
        try {
            return BillType.valueOf(code.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw invalid("unknown bill type \"" + code + "\"");
        }
    }

    /**
     * The display title when it is a short title, else the newest whole-bill short title,
     * else the display title.
     */
    private static String shortTitle(Element bill) {
        String display = text(bill, "title");
        List<String[]> titles = titles(bill);
        boolean displayIsOfficial = display != null
                && titles.stream().anyMatch(t -> t[0].startsWith("Official Title") && t[1].equals(display));
        if (display != null && !displayIsOfficial) {
            return shorten(display, SHORT_TITLE_MAX);
        }
        return titles.stream()
            .filter(t -> t[0].startsWith("Short Title") && !t[0].contains("portions"))
            .map(t -> t[1])
            .findFirst()
            .or(() -> Optional.ofNullable(display))
            .map(t -> shorten(t, SHORT_TITLE_MAX))
            .orElseThrow(() -> invalid("the bill has no title"));
    }

    /**
     * The official title as enacted or agreed by both chambers when there is one, else as
     * introduced.
     */
    private static @Nullable String officialTitle(Element bill) {
        List<String[]> official = titles(bill).stream().filter(t -> t[0].startsWith("Official Title")).toList();
        return official.stream()
            .filter(t -> !t[0].endsWith("as Introduced"))
            .findFirst()
            .or(() -> official.stream().findFirst())
            .map(t -> shorten(t[1], OFFICIAL_TITLE_MAX))
            .orElse(null);
    }

    private static List<String[]> titles(Element bill) {
        List<String[]> titles = new ArrayList<>();
        child(bill, "titles").ifPresent(list -> children(list, "item").forEach(item -> {
            String kind = text(item, "titleType");
            String title = text(item, "title");
            if (kind != null && title != null) {
                titles.add(new String[] { kind, title });
            }
        }));
        return titles;
    }

    /** The newest summary (by action date, then update date) as sanitised plain text. */
    private static @Nullable String summary(Element bill) {
        Optional<Element> summaries = child(bill, "summaries");
        if (summaries.isEmpty()) {
            return null;
        }
        List<Element> items = new ArrayList<>(children(summaries.get(), "summary"));
        child(summaries.get(), "billSummaries").ifPresent(legacy -> items.addAll(children(legacy, "item")));
        return items.stream()
            .filter(item -> text(item, "text") != null)
            .max(Comparator.comparing((Element item) -> String.valueOf(text(item, "actionDate")))
                .thenComparing(item -> String.valueOf(text(item, "updateDate"))))
            .map(item -> SummaryText.of(text(item, "text")))
            .filter(text -> !text.isBlank())
            .orElse(null);
    }

    private static OfficialBillRecord.@Nullable Member sponsor(Element bill) {
        return child(bill, "sponsors").flatMap(list -> children(list, "item").stream().findFirst())
            .map(item -> new OfficialBillRecord.Member(bioguideId(item), name(item)))
            .orElse(null);
    }

    /** Current cosponsors with the date they joined; those who withdrew are left out. */
    private static List<Cosponsor> cosponsors(Element bill) {
        Map<String, Cosponsor> current = new LinkedHashMap<>();
        child(bill, "cosponsors").ifPresent(list -> children(list, "item").forEach(item -> {
            String withdrawn = text(item, "sponsorshipWithdrawnDate");
            String id = bioguideId(item);
            if (withdrawn == null) {
                current.putIfAbsent(id, new Cosponsor(id, date(text(item, "sponsorshipDate")), name(item)));
            }
        }));
        return List.copyOf(current.values());
    }

    private static String bioguideId(Element member) {
        String id = Optional.ofNullable(text(member, "bioguideId"))
            .or(() -> child(member, "identifiers").map(ids -> text(ids, "bioguideId")))
            .orElseThrow(() -> invalid("a sponsor or cosponsor has no bioguide id"));
        if (!id.matches("[A-Z][0-9]{6}")) {
            throw invalid("\"" + id + "\" is not a bioguide id");
        }
        return id;
    }

    private static @Nullable String name(Element member) {
        String full = text(member, "fullName");
        return full == null ? null : shorten(full, NAME_MAX);
    }

    private static @Nullable String publicLaw(Element bill) {
        return child(bill, "laws").flatMap(laws -> children(laws, "item").stream().findFirst()).map(item -> {
            String kind = Optional.ofNullable(text(item, "type")).orElse("Public Law");
            return kind + " " + text(item, "number");
        }).filter(law -> !law.endsWith(" null")).orElse(null);
    }

    private static int integer(Element parent, String name) {
        String value = text(parent, name);
        try {
            return Integer.parseInt(value == null ? "" : value);
        }
        catch (NumberFormatException e) {
            throw invalid("<" + name + "> is not a number");
        }
    }

    static @Nullable LocalDate date(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        }
        catch (DateTimeParseException e) {
            throw invalid("\"" + value + "\" is not a date");
        }
    }

    static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    /** A direct child's trimmed text, or null when it is missing or empty. */
    static @Nullable String text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip()).filter(t -> !t.isEmpty()).orElse(null);
    }

    static String shorten(String text, int max) {
        String single = text.strip().replaceAll("\\s+", " ");
        return single.length() <= max ? single : single.substring(0, max - 1) + "…";
    }

    static UnavailableException invalid(String why) {
        return new UnavailableException("Not a valid Bill Status file: " + why);
    }

}
