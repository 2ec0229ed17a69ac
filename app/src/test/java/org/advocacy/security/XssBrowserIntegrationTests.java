package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.advocacy.HeadlessChrome;
import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillType;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignDetails;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.campaigns.CampaignTemplates;
import org.advocacy.campaigns.CampaignToolkit;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.KeyFact;
import org.advocacy.campaigns.TargetMode;
import org.advocacy.campaigns.TemplatePlaceholders;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.campaigns.ToolkitKind;
import org.advocacy.campaigns.ToolkitResource;
import org.advocacy.stories.StoryModerationService;
import org.advocacy.supporters.SupporterDetails;
import org.advocacy.supporters.SupporterService;
import java.net.http.HttpResponse;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The XSS corpus ({@link XssPayloads}, over 60 payloads) through every input the site
 * shows back: story title, body, display name and content warning (public form, published
 * by an ORGANIZER); supporter names (sign-up form, then the letter and call pages whose
 * templates fill in {{supporter.name}}, and the prepared letters the supporter sent);
 * campaign title, tagline, explainer and why-it-matters HTML, key facts, every template
 * and toolkit entries (CampaignService as an ORGANIZER). Each page is rendered in
 * headless Chromium, which must open no dialog, never run window.__xss=1, and contain no
 * injected script, event handler, javascript: URL or embedded frame. The console's
 * supporter grid and story queue are rendered for a logged-in administrator too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssBrowserIntegrationTests extends SecurityIntegrationTest {

    /**
     * Lists what on the page was injected: scripts other than the site's own, handlers,
     * script URLs, frames.
     */
    static final String INJECTED = """
            const bad = [];
            for (const s of document.scripts) {
              const src = s.getAttribute('src');
              const url = src ? new URL(src, location.href) : null;
              if (!url || url.origin !== location.origin || !url.pathname.startsWith('/js/')) {
                bad.push('script: ' + s.outerHTML.slice(0, 100));
              }
            }
            for (const e of document.querySelectorAll('*')) {
              for (const a of e.attributes) {
                const name = a.name.toLowerCase();
                const value = a.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
                if (name.startsWith('on')) bad.push('handler: <' + e.tagName + ' ' + name + '>');
                if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'background', 'poster']
                      .includes(name) && /^(javascript|vbscript|data:text\\/html)/.test(value)) {
                  bad.push('url: <' + e.tagName + ' ' + name + '=' + a.value.slice(0, 60) + '>');
                }
              }
            }
            for (const selector of ['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'meta[http-equiv]',
                                    'link[rel=import]', 'style:not([data-vaadin])', 'math', 'svg script']) {
              if (location.pathname.startsWith('/admin')) break;
              document.querySelectorAll(selector).forEach(e => bad.push('element: ' + e.outerHTML.slice(0, 100)));
            }
            return bad;
            """;

    @Autowired
    CampaignService campaigns;

    @Autowired
    CampaignTemplates templateSets;

    @Autowired
    CampaignToolkit toolkit;

    @Autowired
    BillService bills;

    @Autowired
    StoryModerationService moderation;

    @Autowired
    SupporterService supporters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    ChromeDriver browser;

    final List<String> findings = new ArrayList<>();

    int pagesChecked;

    String lastPage = "";

    @BeforeAll
    void startChromium() {
        // Leave any dialog open so that the test sees it instead of the driver dismissing
        // it.
        browser = HeadlessChrome.start(options -> options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE));
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        findings.clear();
        pagesChecked = 0;
    }

    @Test
    void storyTextAndNamesFromThePublicFormNeverRunAfterPublication() {
        Campaign campaign = liveCampaign(
                templates("Act now", "Please act", "Dear {{legislator.name}}", "Hello", "Meet"));
        List<String> payloads = XssPayloads.all();
        Map<Long, String> stories = new LinkedHashMap<>();
        Client storyteller = client();
        for (int i = 0; i < payloads.size(); i++) {
            if (i % (POSTS_PER_MINUTE - 2) == 0) {
                storyteller = client();
            }
            String payload = payloads.get(i);
            Map<String, String> form = new LinkedHashMap<>(
                    storyteller.hiddenFields("/campaigns/" + campaign.getSlug() + "/stories/new"));
            form.putAll(Map.of("title", cut(payload, 200), "body", "Before " + payload + " after", "attribution",
                    "PSEUDONYM", "displayName", cut(payload, 100), "contentWarning", cut(payload, 300), "publishOnSite",
                    "true"));
            assertThat(storyteller.post("/campaigns/" + campaign.getSlug() + "/stories", form).statusCode())
                .as("story with " + payload)
                .isEqualTo(302);
            Long id = jdbc.queryForObject("select max(id) from story where campaign_id = ?", Long.class,
                    campaign.getId());
            stories.put(id, payload);
        }
        assertThat(stories).hasSize(payloads.size());
        asOrganizer();
        stories.keySet().forEach(moderation::publish);
        SecurityContextHolder.clearContext();

        stories.forEach((id, payload) -> {
            String path = "/campaigns/" + campaign.getSlug() + "/stories/" + id;
            visit(path, payload);
            if (XssPayloads.TEMPLATE_INJECTION.contains(payload)) {
                try {
                    String text = browser.findElement(By.tagName("main")).getText();
                    if (!text.contains(payload)) {
                        findings.add(path + ": template expression " + payload + " was not shown as written");
                    }
                }
                catch (UnhandledAlertException dialog) {
                    findings.add(path + ": a dialog opened (" + dialog.getAlertText() + ")");
                    dismissDialogs();
                }
            }
        });
        visit("/campaigns/" + campaign.getSlug(), "all stories");
        lateDialogs();
        assertNoFindings(payloads.size() + 1);
    }

    @Test
    void campaignTextTemplatesToolkitAndSupporterNamesNeverRun() {
        List<String> payloads = XssPayloads.all();
        int fields = 15;
        List<Campaign> created = new ArrayList<>();
        Map<Campaign, List<Long>> toolkits = new LinkedHashMap<>();
        int rounds = (payloads.size() + fields - 1) / fields;
        for (int round = 0; round < rounds * 2; round++) {
            int offset = round * fields + (round >= rounds ? 7 : 0);
            IntFunction<String> p = f -> payloads.get((offset + f) % payloads.size());
            Campaign campaign = liveCampaign(new TemplateSet(p.apply(0), cut(p.apply(1), 200),
                    "Dear {{legislator.title}} {{legislator.lastName}}, " + p.apply(2) + " From {{supporter.name}}",
                    "Hello, I am {{supporter.name}} from {{supporter.place}}. " + p.apply(3),
                    p.apply(4) + " {{supporter.name}}"));
            asOrganizer();
            Campaign current = campaigns.find(campaign.getId()).orElseThrow();
            CampaignDetails details = CampaignDetails.of(current);
            campaigns.update(current.getId(), current.getVersion(),
                    new CampaignDetails(details.slug(), cut(p.apply(5), 200), cut(p.apply(6), 300),
                            "<p>" + p.apply(7) + "</p>" + p.apply(8), p.apply(9), details.status(), details.goal(),
                            true, true, true, true, true, TargetMode.ALL, Set.of(), details.billIds(),
                            List.of(new KeyFact(p.apply(10), p.apply(11), "https://example.org/source", p.apply(12)))));
            List<Long> resources = new ArrayList<>();
            for (ToolkitKind kind : List.of(ToolkitKind.GUIDE, ToolkitKind.TALKING_POINTS)) {
                ToolkitResource resource = toolkit.add(campaign.getId(), kind, cut(p.apply(13), 200), p.apply(14),
                        p.apply(kind == ToolkitKind.GUIDE ? 0 : 7) + "\n\n" + p.apply(12), null);
                resources.add(resource.getId());
            }
            SecurityContextHolder.clearContext();
            created.add(campaign);
            toolkits.put(campaign, resources);
        }
        for (Campaign campaign : created) {
            visit("/campaigns/" + campaign.getSlug(), "campaign text");
            for (Long resource : toolkits.get(campaign)) {
                visit("/campaigns/" + campaign.getSlug() + "/toolkit/" + resource, "toolkit entry");
            }
        }
        // Supporter names: each payload signs up, then opens the action pages of one of
        // the campaigns,
        // where the templates fill in {{supporter.name}}.
        for (int i = 0; i < payloads.size(); i++) {
            String name = cut(payloads.get(i), 120);
            Client visitor = client();
            Map<String, String> details = new LinkedHashMap<>(visitor.hiddenFields("/supporter"));
            details.putAll(Map.of("name", name, "email", "xss-" + System.nanoTime() + "@example.org", "zip", "05401"));
            assertThat(visitor.post("/supporter", details).statusCode()).as("sign-up as " + name).isEqualTo(302);
            browser.get(base() + "/privacy");
            browser.manage().deleteAllCookies();
            browser.manage().addCookie(new Cookie("SESSION", visitor.cookie("SESSION"), "/"));
            Campaign campaign = created.get(i % created.size());
            for (String action : i % 3 == 0 ? List.of("letter", "call", "meeting") : List.of("letter", "call")) {
                visit("/campaigns/" + campaign.getSlug() + "/" + action + "?zip=05401", "supporter name " + name);
            }
            assertThat(browser.findElements(By.tagName("main"))).isNotEmpty();
            if (i % 3 == 1) {
                // The prepared letters (subject and body from the supporter) after
                // sending the letter form.
                String ready = prepareLetter(visitor, campaign, payloads.get(i));
                visit(ready, "prepared letter " + name);
            }
        }
        lateDialogs();
        browser.manage().deleteAllCookies();
        assertNoFindings(created.size() * 3 + payloads.size() * 2 + payloads.size() / 3);
    }

    @Test
    void theConsoleShowsPayloadNamesAndStoriesAsTextToAnAdministrator() {
        long stamp = System.nanoTime();
        for (String payload : XssPayloads.all()) {
            supporters.saveDetails(new SupporterDetails(cut(payload, 120), "console-xss-" + stamp++ + "@example.org",
                    "05401", null, null, false));
        }
        // A story of its own waiting for review (the stories view shows those first),
        // rather than whatever other tests left in the database.
        Campaign campaign = liveCampaign(
                templates("Act now", "Please act", "Dear {{legislator.name}}", "Hello", "Meet"));
        Client storyteller = client();
        Map<String, String> story = new LinkedHashMap<>(
                storyteller.hiddenFields("/campaigns/" + campaign.getSlug() + "/stories/new"));
        String payload = XssPayloads.EXECUTABLE.get(0);
        story.putAll(Map.of("title", payload, "body", "Before " + payload + " after", "attribution", "PSEUDONYM",
                "displayName", payload, "publishOnSite", "true"));
        assertThat(storyteller.post("/campaigns/" + campaign.getSlug() + "/stories", story).statusCode())
            .as("story with " + payload)
            .isEqualTo(302);
        String email = "xss-admin-" + stamp + "@example.org";
        String password = "xss admin passphrase 42";
        jdbc.update("insert into staff_user (email, display_name, password_hash, role) values (?, ?, ?, 'ADMIN')",
                email, "<img src=x onerror=\"" + XssPayloads.RUN + "\">", encoder.encode(password));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), HeadlessChrome.POLL);
        browser.manage().deleteAllCookies();
        browser.get(base() + "/admin/login");
        wait.until(d -> d.findElement(By.cssSelector("input[name='username']"))).sendKeys(email);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        for (String view : List.of("/admin/supporters", "/admin/stories")) {
            browser.get(base() + view);
            wait.until(d -> !d.findElements(By.tagName("vaadin-grid")).isEmpty());
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "const g = document.querySelector('vaadin-grid'); return g && !g.loading && g.size > 0;")));
            noDialogAndNoHook(view);
            WebElement grid = browser.findElement(By.tagName("vaadin-grid"));
            if (view.equals("/admin/supporters")) {
                assertThat(grid.getText() + ((JavascriptExecutor) browser).executeScript(
                        "return [...document.querySelectorAll('vaadin-grid-cell-content')].map(c => c.textContent).join(' ')"))
                    .as("payload names shown as text")
                    .contains("<script>" + XssPayloads.RUN + "</script>");
            }
            pagesChecked++;
        }
        browser.manage().deleteAllCookies();
        assertNoFindings(2);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Sends the letter form as the visitor's session would, with the payload as subject
     * and in every body.
     */
    private String prepareLetter(Client visitor, Campaign campaign, String payload) {
        String path = "/campaigns/" + campaign.getSlug() + "/letter?zip=05401";
        HttpResponse<String> page = visitor.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        Element form = Jsoup.parse(page.body()).selectFirst("form[method=post]");
        assertThat(form).as("letter form").isNotNull();
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        form.select("input[type=hidden]").forEach(in -> fields.add(Map.entry(in.attr("name"), in.attr("value"))));
        form.select("input[name=targets]").forEach(in -> fields.add(Map.entry("targets", in.attr("value"))));
        form.select("textarea").forEach(area -> fields.add(Map.entry(area.attr("name"), payload + "\n" + area.text())));
        fields.add(Map.entry("subject", cut(payload, 200)));
        fields.add(Map.entry("delivery", "MAILTO"));
        String body = fields.stream()
            .map(e -> urlParam(e.getKey()) + "=" + urlParam(e.getValue()))
            .collect(Collectors.joining("&"));
        HttpResponse<String> sent = visitor
            .send(HttpRequest.newBuilder(URI.create(base() + "/campaigns/" + campaign.getSlug() + "/letter"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(sent.statusCode()).as("letter with " + payload).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/letter/ready/");
        return URI.create(location).getPath();
    }

    private void visit(String path, String what) {
        lateDialogs();
        lastPage = path + " (" + what + ")";
        try {
            browser.get(base() + path);
        }
        catch (UnhandledAlertException dialog) {
            findings.add(path + " (" + what + "): a dialog opened while loading (" + dialog.getAlertText() + ")");
            dismissDialogs();
            return;
        }
        if (!noDialogAndNoHook(path + " (" + what + ")")) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> injected = (List<String>) ((JavascriptExecutor) browser).executeScript(INJECTED);
        if (!injected.isEmpty()) {
            findings.add(path + " (" + what + "): " + injected);
        }
        pagesChecked++;
    }

    /**
     * A dialog a payload opened after its page had loaded (focus, toggle and media events
     * come late).
     */
    private void lateDialogs() {
        try {
            String text = browser.switchTo().alert().getText();
            findings.add(lastPage + ": a dialog opened after the page loaded (" + text + ")");
            dismissDialogs();
        }
        catch (NoAlertPresentException none) {
            // nothing pending
        }
    }

    private void dismissDialogs() {
        for (int i = 0; i < 10; i++) {
            try {
                browser.switchTo().alert().dismiss();
            }
            catch (NoAlertPresentException none) {
                return;
            }
        }
    }

    /** False (and a finding) when a dialog opened or window.__xss was set. */
    private boolean noDialogAndNoHook(String where) {
        try {
            String text = browser.switchTo().alert().getText();
            dismissDialogs();
            findings.add(where + ": a dialog opened (" + text + ")");
            return false;
        }
        catch (NoAlertPresentException expected) {
            // no dialog: good
        }
        Object hook = ((JavascriptExecutor) browser).executeScript("return typeof window.__xss;");
        if (!"undefined".equals(hook)) {
            findings.add(where + ": a payload ran (window.__xss is " + hook + ")");
            return false;
        }
        return true;
    }

    private void assertNoFindings(int expectedPages) {
        assertThat(findings).as("XSS findings").isEmpty();
        assertThat(pagesChecked).as("pages rendered and checked").isGreaterThanOrEqualTo(expectedPages);
    }

    /**
     * Saving refuses unknown placeholders such as {{7*7}}
     * (CampaignContentIntegrationTests), so those payloads go in with their braces split:
     * the rest of each payload still reaches the page.
     */
    private static TemplateSet storable(TemplateSet t) {
        UnaryOperator<String> s = text -> TemplatePlaceholders.unknown(text).isEmpty() ? text
                : text.replace("{{", "{ {");
        return new TemplateSet(s.apply(t.callToAction()), s.apply(t.letterSubject()), s.apply(t.letterTemplate()),
                s.apply(t.callScript()), s.apply(t.meetingTemplate()));
    }

    private Campaign liveCampaign(TemplateSet templates) {
        asOrganizer();
        try {
            Bill bill = bills.create(119, BillType.HR, ThreadLocalRandom.current().nextInt(10_000, 99_999),
                    "XSS test act");
            bills.recordStatus(bill.getId(), LocalDate.of(2025, 7, 10), null, "Introduced", BillStage.INTRODUCED);
            String slug = "xss-" + ThreadLocalRandom.current().nextInt(100_000_000);
            Campaign campaign = campaigns
                .create(new CampaignDetails(slug, "XSS " + slug, null, "<p>Explainer</p>", null, CampaignStatus.LIVE,
                        100, true, true, true, true, true, TargetMode.ALL, Set.of(), Set.of(bill.getId()), List.of()));
            templateSets.put(campaign.getId(), BillStage.INTRODUCED, storable(templates));
            return campaign;
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static TemplateSet templates(String cta, String subject, String letter, String script, String meeting) {
        return new TemplateSet(cta, subject, letter, script, meeting);
    }

    private static void asOrganizer() {
        SecurityContextHolder.getContext()
            .setAuthentication(new UsernamePasswordAuthenticationToken("xss@example.org", null,
                    AuthorityUtils.createAuthorityList("ROLE_ORGANIZER")));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

}
