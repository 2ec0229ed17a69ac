package org.advocacy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownTests {

    @Test
    void formattingBecomesTheHtmlThePublicPageAllows() {
        String html = Markdown
            .toSafeHtml("A **bold** and *quiet* [source](https://example.org/a).\n\n- one\n- two\n\n1. first");
        assertThat(html)
            .contains("<strong>bold</strong>", "<em>quiet</em>", "<ul><li>one</li><li>two</li></ul>",
                    "<ol><li>first</li></ol>")
            .contains("href=\"https://example.org/a\"")
            .contains("rel=\"noopener noreferrer nofollow\"");
    }

    @Test
    void rawHtmlTypedIntoMarkdownIsShownAsTextAndNeverRun() {
        String html = Markdown.toSafeHtml("Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
                + "<a href=\"javascript:alert(1)\">x</a> [y](javascript:alert(2))");
        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("script, img, [onerror], [href^=javascript]")).isEmpty();
        assertThat(page.text()).contains("<script>alert(1)</script>").contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void htmlStoredBeforeMarkdownConvertsToMarkdownThatRendersTheSameText() {
        String before = "<p>People are <strong>often</strong> arrested &amp; convicted; see "
                + "<a href=\"https://example.org/x\">the study</a>.</p><ul><li>jobs</li><li><em>housing</em></li></ul>"
                + "<p>Costs 5 * 3 [sic] #1_a</p>";
        String markdown = Markdown.fromHtml(before);
        String after = Markdown.toSafeHtml(markdown);

        assertThat(Jsoup.parseBodyFragment(after).text()).isEqualTo(Jsoup.parseBodyFragment(before).text());
        assertThat(Jsoup.parseBodyFragment(after).select("strong, em, a[href=https://example.org/x], li")).hasSize(5);
        assertThat(markdown)
            .startsWith("People are **often** arrested & convicted; see [the study](https://example.org/x).");
    }

}
