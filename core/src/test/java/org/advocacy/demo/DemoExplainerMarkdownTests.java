package org.advocacy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.advocacy.shared.Markdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The demo explainer, now written in Markdown, shows the public exactly what the HTML it
 * replaced showed.
 */
class DemoExplainerMarkdownTests {

    /** The demo explainer as HTML, before Markdown. */
    static final String EXPLAINER_HTML = """
            <p>People who are trafficked are often arrested and convicted for things their traffickers forced \
            them to do. Those records follow them long after they get out. The <strong>Trafficking Survivors \
            Relief Act</strong> gives survivors, for the first time, a way to ask a federal court to vacate \
            those convictions and clear those arrests.</p>
            <p>The bill was reintroduced in the 119th Congress, passed the House in December 2025 and the Senate \
            on 18 December 2025, and was signed into law on 23 January 2026 as Public Law 119-73. The work now \
            is making sure survivors know about the new procedure and that it is carried out well.</p>""";

    static final String WHY_IT_MATTERS_HTML = """
            <p>A criminal record, even an arrest without a conviction, shows up in background checks. For \
            survivors it can mean being turned down for a <strong>job</strong>, refused an <strong>apartment</strong>, \
            shut out of <strong>education</strong> and training, and losing ground in <strong>child custody</strong> \
            decisions. Clearing records that come from trafficking removes a barrier that keeps punishing \
            people for harm that was done to them.</p>""";

    @Test
    void theMarkdownExplainerRendersTheSameParagraphsTextAndEmphasisAsTheHtmlItReplaced() {
        assertSameOnThePublicPage(Markdown.toSafeHtml(DemoContentLoader.EXPLAINER), EXPLAINER_HTML);
        assertSameOnThePublicPage(Markdown.toSafeHtml(DemoContentLoader.WHY_IT_MATTERS), WHY_IT_MATTERS_HTML);
    }

    @Test
    void theOldHtmlConvertedForTheEditorRendersTheSameAsBefore() {
        assertSameOnThePublicPage(Markdown.toSafeHtml(Markdown.fromHtml(EXPLAINER_HTML)), EXPLAINER_HTML);
        assertSameOnThePublicPage(Markdown.toSafeHtml(Markdown.fromHtml(WHY_IT_MATTERS_HTML)), WHY_IT_MATTERS_HTML);
    }

    private static void assertSameOnThePublicPage(String after, String before) {
        Element now = Jsoup.parseBodyFragment(after).body();
        Element then = Jsoup.parseBodyFragment(before).body();
        assertThat(now.select("p").eachText()).isEqualTo(then.select("p").eachText()).isNotEmpty();
        assertThat(now.select("strong").eachText()).isEqualTo(then.select("strong").eachText()).isNotEmpty();
    }

}
