package org.advocacy.shared;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Staff write campaign text in Markdown. It becomes HTML with commonmark, with any raw
 * HTML typed into it escaped (shown as text, never run), and then goes through
 * {@link RichText}'s allow-list. {@link #fromHtml} turns the HTML stored before Markdown
 * existed back into Markdown for the editor.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    /** Safe HTML for a public page. */
    public static String toSafeHtml(String markdown) {
        return RichText.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /**
     * Markdown for HTML made of the elements {@link RichText} keeps: paragraphs, line
     * breaks, bold, italics, links, lists, quotes and small headings. Anything else keeps
     * only its text.
     */
    public static String fromHtml(String html) {
        StringBuilder out = new StringBuilder();
        for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            block(node, out, "");
        }
        return out.toString().strip();
    }

    private static void block(Node node, StringBuilder out, String prefix) {
        if (node instanceof TextNode text) {
            if (!text.isBlank()) {
                out.append(prefix).append(escape(collapse(text.getWholeText()).strip())).append("\n\n");
            }
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        switch (element.normalName()) {
            case "p" -> out.append(prefix).append(inline(element).strip()).append("\n\n");
            case "h3" -> out.append(prefix).append("### ").append(inline(element).strip()).append("\n\n");
            case "h4" -> out.append(prefix).append("#### ").append(inline(element).strip()).append("\n\n");
            case "ul", "ol" -> {
                int number = 1;
                for (Element item : element.children()) {
                    String marker = element.normalName().equals("ol") ? (number++) + ". " : "- ";
                    out.append(prefix).append(marker).append(inline(item).strip()).append('\n');
                }
                out.append('\n');
            }
            case "blockquote" -> {
                for (Node child : element.childNodes()) {
                    block(child, out, prefix + "> ");
                }
            }
            default -> out.append(prefix).append(inline(element).strip()).append("\n\n");
        }
    }

    private static String inline(Element element) {
        StringBuilder out = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(escape(collapse(text.getWholeText())));
            }
            else if (child instanceof Element inner) {
                switch (inner.normalName()) {
                    case "strong", "b" -> out.append("**").append(inline(inner).strip()).append("**");
                    case "em", "i" -> out.append('*').append(inline(inner).strip()).append('*');
                    case "br" -> out.append("\\\n");
                    case "a" -> out.append('[')
                        .append(inline(inner).strip())
                        .append("](")
                        .append(inner.attr("href").replace(" ", "%20").replace(")", "%29"))
                        .append(')');
                    default -> out.append(inline(inner));
                }
            }
        }
        return out.toString();
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** Characters that would start Markdown formatting are escaped so text stays text. */
    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#])", "\\\\$1");
    }

}
