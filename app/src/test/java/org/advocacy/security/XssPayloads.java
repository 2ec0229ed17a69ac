package org.advocacy.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The XSS corpus. Every executable payload both opens a dialog and sets window.__xss, so
 * that a payload that runs is caught even where dialogs are suppressed.
 * Template-injection payloads must come out as the literal text.
 */
final class XssPayloads {

    static final String RUN = "window.__xss=1;alert(1)";

    static final List<String> EXECUTABLE = List.of("<script>" + RUN + "</script>", "<SCRIPT>" + RUN + "</SCRIPT>",
            "<script src=data:text/javascript," + RUN + "></script>", "<img src=x onerror=\"" + RUN + "\">",
            "<img src=x onerror=" + RUN + ">", "<IMG SRC=x oNeRrOr=" + RUN + ">", "<svg onload=\"" + RUN + "\">",
            "<svg><script>" + RUN + "</script></svg>", "<svg><animate onbegin=\"" + RUN + "\" attributeName=x dur=1s>",
            "<svg><a xlink:href=\"javascript:" + RUN + "\"><text x=20 y=20>x</text></a></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"" + RUN + "\">",
            "<math href=\"javascript:" + RUN + "\">x</math>", "<body onload=\"" + RUN + "\">",
            "<details open ontoggle=\"" + RUN + "\">", "<input autofocus onfocus=\"" + RUN + "\">",
            "<select autofocus onfocus=\"" + RUN + "\"></select>",
            "<textarea autofocus onfocus=\"" + RUN + "\"></textarea>",
            "<video><source onerror=\"" + RUN + "\"></video>", "<audio src=x onerror=\"" + RUN + "\">",
            "<iframe src=\"javascript:" + RUN + "\"></iframe>",
            "<iframe srcdoc=\"<script>parent." + RUN + "</script>\"></iframe>",
            "<object data=\"javascript:" + RUN + "\"></object>", "<embed src=\"javascript:" + RUN + "\">",
            "<a href=\"javascript:" + RUN + "\">click</a>", "<a href=\"jav&#x09;ascript:" + RUN + "\">click</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;" + RUN + "\">click</a>",
            "javascript:" + RUN, "JaVaScRiPt:" + RUN,
            "<form action=\"javascript:" + RUN + "\"><button>go</button></form>",
            "<button formaction=\"javascript:" + RUN + "\">go</button>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:" + RUN + "\">",
            "<base href=\"javascript:" + RUN + "//\">",
            "<link rel=import href=\"data:text/html,<script>" + RUN + "</script>\">",
            "<style>@import 'javascript:" + RUN + "';</style>",
            "<div style=\"background:url(javascript:" + RUN + ")\">x</div>", "\"><script>" + RUN + "</script>",
            "'><script>" + RUN + "</script>", "\" onmouseover=\"" + RUN + "\" autofocus onfocus=\"" + RUN + "\" x=\"",
            "' onfocus='" + RUN + "' autofocus x='", "</textarea><script>" + RUN + "</script>",
            "</title><script>" + RUN + "</script>", "</script><script>" + RUN + "</script>",
            "--><script>" + RUN + "</script><!--", "]]><script>" + RUN + "</script>",
            "&lt;script&gt;" + RUN + "&lt;/script&gt;", "&#60;script&#62;" + RUN + "&#60;/script&#62;",
            "%3Cscript%3E" + RUN + "%3C/script%3E", "\\u003cscript\\u003e" + RUN + "\\u003c/script\\u003e",
            "\u003cscript\u003e" + RUN + "\u003c/script\u003e", "\uff1cscript\uff1e" + RUN + "\uff1c/script\uff1e",
            "<scr<script>ipt>" + RUN + "</scr</script>ipt>",
            "<noscript><p title=\"</noscript><img src=x onerror=" + RUN + ">\">",
            "<template><img src=x onerror=\"" + RUN + "\"></template>", "<marquee onstart=\"" + RUN + "\">x</marquee>",
            "<x onclick=\"" + RUN + "\" style=display:block>click</x>");

    /**
     * Expressions that would show 49 or a class name if a template engine evaluated them.
     */
    static final List<String> TEMPLATE_INJECTION = List.of("[[${7*7}]]", "[(${7*7})]", "__${7*7}__",
            "[[${T(java.lang.System).getProperty('user.name')}]]", "__${T(java.lang.Runtime).getRuntime()}__::x",
            "*{7*7}", "#{7*7}", "${7*7}", "{{7*7}}", "{{constructor.constructor('" + RUN + "')()}}",
            "{{supporter.name}}{{legislator.phone}}");

    static List<String> all() {
        List<String> all = new ArrayList<>(EXECUTABLE);
        all.addAll(TEMPLATE_INJECTION);
        return all;
    }

    private XssPayloads() {
    }

}
