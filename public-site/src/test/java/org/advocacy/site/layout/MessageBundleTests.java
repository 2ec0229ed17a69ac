package org.advocacy.site.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * No hard-coded text on public pages: every message key a template uses exists in English
 * and Spanish, both bundles have the same keys, and every element's visible text comes
 * from th:text (the text written in a template is only a designer's placeholder).
 */
class MessageBundleTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)");

    /** Every bundle the public pages draw on (spring.messages.basename). */
    private static final List<String> BUNDLES = List.of("messages/core", "messages/site", "messages/lookup",
            "messages/reminders");

    @Test
    void everyKeyUsedByATemplateExistsInEnglishAndSpanish() throws IOException {
        Properties english = loadAll("");
        Properties spanish = loadAll("_es");
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher matcher = KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!english.containsKey(matcher.group(1))) {
                    missing.add("en:" + matcher.group(1) + " in " + template.getFileName());
                }
                if (!spanish.containsKey(matcher.group(1))) {
                    missing.add("es:" + matcher.group(1) + " in " + template.getFileName());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        for (String bundle : BUNDLES) {
            assertThat(load(bundle + "_es.properties").keySet()).as(bundle)
                .containsExactlyInAnyOrderElementsOf(load(bundle + ".properties").keySet());
        }
    }

    @Test
    void noTemplateShowsTextThatIsNotReplacedFromTheBundlesOrTheModel() throws IOException {
        Set<String> hardCoded = new TreeSet<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template));
            for (Element element : document.body().getAllElements()) {
                if (replacesText(element)) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    String value = text.text().strip();
                    // Punctuation between replaced elements, and the names of the two
                    // languages, which
                    // are always written in their own language.
                    if (!value.isEmpty() && !value.matches("[\\p{Punct}\\s—·]+")
                            && !Set.of("English", "Español").contains(value)) {
                        hardCoded.add(template.getFileName() + ": " + value);
                    }
                }
            }
        }
        assertThat(hardCoded).isEmpty();
    }

    private static boolean replacesText(Element element) {
        for (Element e = element; e != null && !e.nameIs("html"); e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Properties loadAll(String suffix) throws IOException {
        Properties all = new Properties();
        for (String bundle : BUNDLES) {
            all.putAll(load(bundle + suffix + ".properties"));
        }
        return all;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(MessageBundleTests.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

}
