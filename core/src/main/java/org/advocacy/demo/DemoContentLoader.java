package org.advocacy.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillStatusEvent.DatePrecision;
import org.advocacy.bills.BillType;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignSections;
import org.advocacy.campaigns.CampaignStatus;
import org.advocacy.campaigns.CampaignText;
import org.advocacy.campaigns.KeyFact;
import org.advocacy.campaigns.TemplateSet;
import org.advocacy.campaigns.ToolkitKind;
import org.advocacy.campaigns.ToolkitResource;
import org.advocacy.legislators.Chamber;
import org.advocacy.shared.Markdown;
import org.advocacy.stories.Attribution;
import org.advocacy.stories.Story;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the first campaign, for the Trafficking Survivors Relief Act, on first start. It
 * runs once: when a campaign with the slug "tsra" exists (even if staff edited it) it
 * does nothing. Turn it off with {@code advocacy.demo-data=false}.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "advocacy.demo-data", havingValue = "true", matchIfMissing = true)
class DemoContentLoader implements ApplicationRunner {

    static final String SLUG = "tsra";

    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);

    private final EntityManager entityManager;

    private final TransactionTemplate transaction;

    DemoContentLoader(EntityManager entityManager, TransactionTemplate transaction) {
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            // Serialise concurrent first starts of several instances.
            entityManager.createNativeQuery("select pg_advisory_xact_lock(727001)").getSingleResult();
            boolean present = !entityManager.createQuery("select c.id from Campaign c where c.slug = :slug")
                .setParameter("slug", SLUG)
                .getResultList()
                .isEmpty();
            if (!present) {
                load();
                log.info("Loaded the demo campaign '{}'", SLUG);
            }
        });
    }

    private void load() {
        Bill bill = new Bill(119, BillType.HR, 4323, "Trafficking Survivors Relief Act");
        bill.describe("Trafficking Survivors Relief Act",
                "To provide relief for victims of trafficking by allowing them to vacate convictions and expunge "
                        + "arrests that resulted from their being trafficked.",
                "Creates the first federal procedure for survivors of human trafficking to ask a court to vacate "
                        + "federal convictions and expunge federal arrest records that stem from their trafficking "
                        + "(18 U.S.C. 3771A). Companion bills: H.R. 1379 and S. 2255.",
                "https://www.congress.gov/bill/119th-congress/house-bill/4323", "Public Law 119-73");
        bill.recordStatus(LocalDate.of(2025, 7, 10), Chamber.HOUSE, "Reintroduced in the House in the 119th Congress",
                BillStage.INTRODUCED);
        bill.recordStatus(LocalDate.of(2025, 10, 17), Chamber.HOUSE, "Reported by the House Judiciary Committee",
                BillStage.IN_COMMITTEE);
        bill.recordStatus(LocalDate.of(2025, 12, 1), DatePrecision.MONTH, Chamber.HOUSE,
                "Passed the House of Representatives", BillStage.PASSED_HOUSE);
        bill.recordStatus(LocalDate.of(2025, 12, 18), Chamber.SENATE, "Passed the Senate by unanimous consent",
                BillStage.PASSED_BOTH);
        bill.recordStatus(LocalDate.of(2026, 1, 23), null, "Signed into law as Public Law 119-73", BillStage.ENACTED);
        entityManager.persist(bill);

        Campaign campaign = new Campaign(SLUG, "Trafficking Survivors Relief Act", Markdown.toSafeHtml(EXPLAINER));
        campaign.describe("Trafficking Survivors Relief Act",
                "A way for survivors of human trafficking to clear federal records that come from their trafficking.",
                Markdown.toSafeHtml(EXPLAINER), Markdown.toSafeHtml(WHY_IT_MATTERS));
        campaign.write(new CampaignText(EXPLAINER, WHY_IT_MATTERS));
        campaign.replaceBills(Set.of());
        campaign.arrangeSections(new CampaignSections("Why criminal record relief matters",
                "Por qué importa borrar los antecedentes penales", true, "Survivor stories",
                "Historias de sobrevivientes"));
        campaign.setGoal(5000);
        campaign.setStatus(CampaignStatus.LIVE);
        campaign.replaceKeyFacts(List.of(new KeyFact(
                "90 percent of survivors with a criminal record said some or all of it was related to their trafficking.",
                "Polaris National Survivor Study", null,
                "Online and phone surveys with 457 survivors of sex and labor trafficking.")));
        campaign.putTemplateSet(BillStage.INTRODUCED, PASS_IT);
        campaign.putTemplateSet(BillStage.ENACTED, IMPLEMENT_IT);
        entityManager.persist(campaign);
        entityManager.flush();
        campaign.replaceBills(Set.of(bill.getId()));

        long campaignId = campaign.getId();
        int position = 0;
        for (ToolkitEntry entry : TOOLKIT) {
            entityManager.persist(new ToolkitResource(campaignId, position++, entry.kind(), entry.title(),
                    entry.description(), entry.body(), null));
        }

        Instant now = Instant.now();
        for (ExampleStory example : STORIES) {
            Story story = new Story(campaignId, example.title(), example.body(), example.attribution(),
                    example.displayName(), example.contentWarning());
            story.markAsExample();
            story.recordConsent(true, false, false, now, "demo-data",
                    "Example written for the demo; not a real person's story.");
            story.publish(now);
            entityManager.persist(story);
        }
    }

    /** Markdown, as staff write it in the console. */
    static final String EXPLAINER = """
            People who are trafficked are often arrested and convicted for things their traffickers forced \
            them to do. Those records follow them long after they get out. The **Trafficking Survivors \
            Relief Act** gives survivors, for the first time, a way to ask a federal court to vacate \
            those convictions and clear those arrests.

            The bill was reintroduced in the 119th Congress, passed the House in December 2025 and the Senate \
            on 18 December 2025, and was signed into law on 23 January 2026 as Public Law 119-73. The work now \
            is making sure survivors know about the new procedure and that it is carried out well.""";

    static final String WHY_IT_MATTERS = """
            A criminal record, even an arrest without a conviction, shows up in background checks. For \
            survivors it can mean being turned down for a **job**, refused an **apartment**, \
            shut out of **education** and training, and losing ground in **child custody** \
            decisions. Clearing records that come from trafficking removes a barrier that keeps punishing \
            people for harm that was done to them.""";

    private static final TemplateSet PASS_IT = new TemplateSet(
            "Ask your members of Congress to pass the Trafficking Survivors Relief Act.",
            "Please support {{bill.number}}, the Trafficking Survivors Relief Act", """
                    Dear {{legislator.title}} {{legislator.lastName}},

                    I am your constituent in {{supporter.place}}, and I am asking you to support {{bill.number}}, the \
                    Trafficking Survivors Relief Act.

                    Survivors of human trafficking are often arrested and convicted for acts their traffickers forced \
                    them to commit. Those records keep them from jobs, housing, education and their own children long \
                    after they have escaped. This bill would give survivors a way to clear federal records that come \
                    from their trafficking.

                    Please cosponsor and vote for {{bill.number}}.

                    Sincerely,
                    {{supporter.name}}""", """
                    Hello, my name is {{supporter.name}} and I am a constituent from {{supporter.place}}.
                    I am calling to ask {{legislator.title}} {{legislator.lastName}} to support {{bill.number}}, the \
                    Trafficking Survivors Relief Act, which would let survivors of trafficking clear federal records \
                    that come from being trafficked.
                    Can I count on the {{legislator.title}} to cosponsor and vote for it? Thank you.""", """
                    Dear {{legislator.title}} {{legislator.lastName}},

                    I am a constituent in {{supporter.place}} and I would like to meet with you or your staff at your \
                    district office to talk about {{bill.number}}, the Trafficking Survivors Relief Act.

                    I can meet on the dates below and will bring a short summary of the bill.

                    Thank you,
                    {{supporter.name}}""");

    private static final TemplateSet IMPLEMENT_IT = new TemplateSet(
            "The Trafficking Survivors Relief Act is now law. Thank the members who backed it and ask every "
                    + "member to support strong implementation.",
            "Thank you, and please support strong implementation of the Trafficking Survivors Relief Act", """
                    Dear {{legislator.title}} {{legislator.lastName}},

                    I am your constituent in {{supporter.place}}. The Trafficking Survivors Relief Act ({{bill.law}}) \
                    now gives survivors of human trafficking a way to vacate federal convictions and clear arrests \
                    that come from their trafficking. Thank you to every member who worked to pass it.

                    A law only helps people who can use it. I ask you to support strong implementation: funding for \
                    legal help so survivors can file, training for courts and prosecutors, and oversight to make sure \
                    the procedure works as Congress intended.

                    Sincerely,
                    {{supporter.name}}""", """
                    Hello, my name is {{supporter.name}} and I am a constituent from {{supporter.place}}.
                    I am calling about the Trafficking Survivors Relief Act, which became {{bill.law}}. Thank you to \
                    everyone in Congress who helped pass it.
                    I am asking {{legislator.title}} {{legislator.lastName}} to support strong implementation: legal \
                    help for survivors who apply, training for courts, and oversight of how the law is used.
                    Thank you for your time.""", """
                    Dear {{legislator.title}} {{legislator.lastName}},

                    I am a constituent in {{supporter.place}}. I would like to meet with you or your staff at your \
                    district office about putting the Trafficking Survivors Relief Act ({{bill.law}}) into practice, \
                    so that survivors in our community can actually clear their records.

                    I am available on the dates below.

                    Thank you,
                    {{supporter.name}}""");

    private record ToolkitEntry(ToolkitKind kind, String title, String description, String body) {
    }

    private static final List<ToolkitEntry> TOOLKIT = List.of(
            new ToolkitEntry(ToolkitKind.GUIDE, "How a bill becomes law",
                    "From introduction to signature: the steps the Trafficking Survivors Relief Act went through.", """
                            A bill is introduced in one chamber and sent to a committee. If the committee reports it, \
                            the full chamber can vote. The other chamber then passes the same text, and the President \
                            signs it into law. The TSRA was reported by the House Judiciary Committee, passed both \
                            chambers in December 2025 and became law in January 2026."""),
            new ToolkitEntry(ToolkitKind.FACT_SHEET, "Criminal record relief for survivors",
                    "What the new federal procedure does, and how it sits next to state record relief laws.",
                    """
                            Most states already let survivors ask to clear some state records. Until the TSRA there was \
                            no federal equivalent. The new law lets a survivor ask the federal court that handled their \
                            case to vacate a conviction or expunge an arrest that resulted from their trafficking."""),
            new ToolkitEntry(ToolkitKind.TALKING_POINTS, "Talking points for meetings and calls",
                    "Short points to use when you call or meet a member's office.", """
                            - Survivors are punished for crimes their traffickers forced them to commit.
                            - Records block jobs, housing, education and custody.
                            - 90 percent of survivors with a record said some or all of it was related to their \
                            trafficking (Polaris National Survivor Study).
                            - Now that the TSRA is law, it needs funding for legal help, training and oversight."""),
            new ToolkitEntry(ToolkitKind.GUIDE, "Meeting your members of Congress",
                    "How to request a meeting at a district office and what to bring.",
                    """
                            Call or write to the district office closest to you and ask for a meeting with the member \
                            or the staffer who covers criminal justice. Bring a one-page summary, say who you are and \
                            where you live, tell a short story about why this matters to you, and make one clear ask."""));

    private record ExampleStory(String title, String body, Attribution attribution, @Nullable String displayName,
            @Nullable String contentWarning) {
    }

    private static final List<ExampleStory> STORIES = List.of(
            new ExampleStory("Example: \"The record was still there\"", """
                    This is an example story written for the demo; it is not a real person's account.

                    I got out years ago and rebuilt my life step by step. But every job application asked \
                    about arrests, and every background check brought back the same record from the years \
                    when someone else controlled what I did.

                    Being able to clear that record means I can finally be judged for who I am now.""",
                    Attribution.PSEUDONYM, "Maria (example)", "Mentions arrest and coercion."),
            new ExampleStory("Example: \"A lease I could not sign\"", """
                    This is an example story written for the demo; it is not a real person's account.

                    I had a deposit saved and a landlord who liked me, until the screening report came back. \
                    The charge on it came from the time I was trafficked. I was turned down, and my kids and \
                    I stayed in a shelter for another six months.""", Attribution.ANONYMOUS, null,
                    "Mentions housing insecurity."),
            new ExampleStory("Example: \"Coaching my son's team\"", """
                    This is an example story written for the demo; it is not a real person's account.

                    When my son's soccer team needed a coach, I volunteered. The league ran a background check \
                    and said no. Explaining to a nine-year-old why his mother could not coach was one of the \
                    hardest things I have done. Clearing my record would give me that part of being a parent \
                    back.""", Attribution.PSEUDONYM, "J. (example)", null));

}
