package org.advocacy.batch.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocacy.batch.JobRunner;
import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.DistrictRef;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.legislators.LookupVersion;
import org.advocacy.legislators.PartyAffiliation;
import org.advocacy.legislators.RosterService;
import org.advocacy.legislators.RosterSyncRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.node.ObjectNode;

/**
 * The roster-sync job on the real snapshot bundled from ../shared/data: the counts and
 * quirks of that snapshot, idempotence, members who leave, and every way bad input is
 * refused.
 */
@SpringBootTest
class RosterSyncJobIntegrationTests {

    private static final String BUNDLED = "classpath:roster/";

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    @Qualifier("rosterSyncJob")
    Job rosterSyncJob;

    @Autowired
    LegislatorService legislators;

    @Autowired
    RosterService roster;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LookupVersion lookupVersion;

    @TempDir
    Path folder;

    JobOperatorTestUtils jobs;

    /**
     * Whether the bundled roster is known to be in the database: synced before this
     * class's first test (other classes may have left another) and after each test that
     * ran another roster, instead of before and after every test (22 runs of the whole
     * snapshot, most of this class's time).
     */
    private static boolean bundledIsCurrent;

    @BeforeEach
    void bundledRosterIsCurrent() throws Exception {
        jobs = new JobOperatorTestUtils(jobOperator, jobRepository);
        jobs.setJob(rosterSyncJob);
        if (!bundledIsCurrent) {
            assertThat(run(BUNDLED).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
    }

    @AfterEach
    void restoreBundledRoster() throws Exception {
        if (!bundledIsCurrent) {
            assertThat(run(BUNDLED).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
    }

    /** Other classes may change the roster before this one runs again (a rerun). */
    @AfterAll
    static void forgetTheRoster() {
        bundledIsCurrent = false;
    }

    @Test
    void theSnapshotHas537SittingMembers100SenatorsAnd1312DistrictOffices() {
        assertThat(legislators.countSitting()).isEqualTo(537);
        assertThat(legislators.countSitting(Chamber.SENATE)).isEqualTo(100);
        assertThat(legislators.countSitting(Chamber.HOUSE)).isEqualTo(437);
        assertThat(jdbc
            .sql("select count(*) from district_office o join legislator l using (bioguide_id) where l.in_office")
            .query(Long.class)
            .single()).isEqualTo(1312);
        assertThat(jdbc.sql("select count(distinct state) from legislator where in_office and chamber = 'SENATE'")
            .query(Long.class)
            .single()).isEqualTo(50);
    }

    @Test
    void atLargeStatesAndDelegatesHoldDistrictZeroAndDcAndTerritoriesHaveNoSenators() {
        for (String state : List.of("AK", "DE", "ND", "SD", "VT", "WY", "AS", "DC", "GU", "MP", "PR", "VI")) {
            assertThat(legislators.representative(state, 0)).as(state).isPresent();
        }
        assertThat(legislators.representative("MT", 1)).isPresent();
        assertThat(legislators.representative("MT", 2)).isPresent();
        for (String territory : List.of("AS", "DC", "GU", "MP", "PR", "VI")) {
            assertThat(legislators.senators(territory)).as(territory).isEmpty();
        }
        assertThat(legislators.find("N000147").orElseThrow().getTitle()).isEqualTo("Del.");
        assertThat(legislators.find("H001103").orElseThrow().getTitle()).isEqualTo("Res. Comm.");
    }

    @Test
    void aMemberSwornInWithoutPhoneOfficeOrWebsiteIsKeptWithThoseEmpty() {
        Legislator gallagher = legislators.findAll(List.of("G000607")).getFirst();
        assertThat(gallagher.getSeat()).isEqualTo("CA-1");
        assertThat(gallagher.getPhone()).isNull();
        assertThat(gallagher.getDcOffice()).isNull();
        assertThat(gallagher.getWebsiteUrl()).isNull();
        assertThat(gallagher.getOfficialName()).isNull();
        assertThat(gallagher.getDisplayName()).isEqualTo("James Gallagher");
        assertThat(gallagher.getOffices()).isEmpty();
    }

    @Test
    void numericSuitesPartyChangesAndAppointedSenatorsParse() {
        assertThat(jdbc.sql("select count(*) from district_office where suite ~ '^[0-9]+$'").query(Long.class).single())
            .isGreaterThanOrEqualTo(5);
        Legislator kiley = legislators.findWithDetails("K000401").orElseThrow();
        assertThat(kiley.getParty()).isEqualTo("Independent");
        assertThat(kiley.getCaucus()).isEqualTo("Republican");
        assertThat(kiley.getPartyAffiliations()).extracting(PartyAffiliation::party)
            .containsExactly("Republican", "Independent");
        assertThat(kiley.getPartyAffiliations().get(1).startsOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        for (String appointed : List.of("H001104", "M001244")) {
            Legislator senator = legislators.find(appointed).orElseThrow();
            assertThat(senator.getChamber()).isEqualTo(Chamber.SENATE);
            assertThat(senator.getTermEnd()).isEqualTo(LocalDate.of(2026, 11, 3));
        }
        assertThat(legislators.find("S000033").orElseThrow().getCaucus()).isEqualTo("Democrat");
    }

    @Test
    void theFourVacantHouseSeatsAreDerived() {
        assertThat(roster.vacantSeats()).containsExactly(new DistrictRef("CA", 14), new DistrictRef("FL", 20),
                new DistrictRef("GA", 13), new DistrictRef("TX", 23));
    }

    @Test
    void aSecondSyncOfTheSameDataWritesNothing() throws Exception {
        Map<String, String> before = rowVersions();
        String versionBefore = lookupVersion.current();

        JobExecution execution = run(BUNDLED);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(lookupVersion.current()).isEqualTo(versionBefore);
        RosterSyncRun run = roster.runOfJob(execution.getId()).orElseThrow();
        assertThat(run.getStatus()).isEqualTo(RosterSyncRun.Status.SUCCEEDED);
        assertThat(run.getRowsWritten()).isZero();
        assertThat(run.getMembersUnchanged()).isEqualTo(537);
        assertThat(run.getMembersAdded() + run.getMembersChanged() + run.getMembersLeft()).isZero();
        assertThat(rowVersions()).isEqualTo(before);
        assertThat(execution.getStepExecutions()).filteredOn(s -> s.getStepName().equals("apply-roster"))
            .singleElement()
            .satisfies(step -> assertThat(step.getWriteCount()).isZero());
    }

    @Test
    void membersMissingFromANewRosterAreMarkedOutOfOfficeAndKeepTheirActions() throws Exception {
        long actionId = jdbc.sql("""
                insert into supporter_action (campaign_id, action_type, bioguide_id, idempotency_key)
                values ((select min(id) from campaign), 'CALL', 'P000197', gen_random_uuid()::text) returning id""")
            .query(Long.class)
            .single();
        String edited = RosterSnapshot.writeEdited(folder, list -> {
            var without = RosterSnapshot.without(list, Set.of("P000197", "S000033"));
            for (var person : without) {
                if (person.path("id").path("bioguide").asString().equals("G000599")) {
                    var terms = person.path("terms");
                    ((ObjectNode) terms.get(terms.size() - 1)).put("phone", "202-555-0100");
                }
            }
            return without;
        });

        String versionBefore = lookupVersion.current();

        JobExecution execution = run(edited);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(lookupVersion.current()).as("the API's ETag changes with the roster").isNotEqualTo(versionBefore);
        RosterSyncRun run = roster.runOfJob(execution.getId()).orElseThrow();
        assertThat(run.getMembersLeft()).isEqualTo(2);
        assertThat(run.getMembersChanged()).isEqualTo(1);
        assertThat(run.getMembersUnchanged()).isEqualTo(534);
        var changes = RosterSnapshot.YAML.readTree(run.getChanges());
        assertThat(changes.path("left").toString()).isEqualTo("[\"P000197\",\"S000033\"]");
        assertThat(changes.path("changed").toString()).isEqualTo("{\"G000599\":[\"phone\"]}");
        assertThat(changes.path("unchanged").asInt()).isEqualTo(534);
        Legislator pelosi = legislators.find("P000197").orElseThrow();
        assertThat(pelosi.isInOffice()).isFalse();
        assertThat(pelosi.getLeftOfficeOn()).isNotNull();
        assertThat(legislators.representative("CA", 11)).isEmpty();
        assertThat(legislators.senators("VT")).extracting(Legislator::getBioguideId).containsExactly("W000800");
        assertThat(legislators.find("G000599").orElseThrow().getPhone()).isEqualTo("202-555-0100");
        assertThat(jdbc.sql("select bioguide_id from supporter_action where id = ?")
            .param(actionId)
            .query(String.class)
            .single()).isEqualTo("P000197");
        assertThat(legislators.countSitting()).isEqualTo(535);

        JobExecution back = run(BUNDLED);
        RosterSyncRun restored = roster.runOfJob(back.getId()).orElseThrow();
        assertThat(restored.getMembersAdded()).isEqualTo(2);
        assertThat(legislators.find("P000197").orElseThrow().isInOffice()).isTrue();
        jdbc.sql("delete from supporter_action where id = ?").param(actionId).update();
    }

    @Test
    void aRosterThatWouldRemoveMoreThanTwentyPercentOfSittingMembersChangesNothing() throws Exception {
        Map<String, String> before = rowVersions();
        String edited = RosterSnapshot.writeEdited(folder, list -> {
            var kept = list.arrayNode();
            for (int i = 0; i < 400; i++) {
                kept.add(list.get(i));
            }
            return kept;
        });

        JobExecution execution = run(edited);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(JobRunner.outcome(execution)).contains("would remove 137 of 537 sitting members")
            .contains("safety limit of 20%");
        assertThat(rowVersions()).isEqualTo(before);
        assertThat(legislators.countSitting()).isEqualTo(537);
        RosterSyncRun run = roster.runOfJob(execution.getId()).orElseThrow();
        assertThat(run.getStatus()).isEqualTo(RosterSyncRun.Status.FAILED);
        assertThat(run.getMessage()).contains("safety limit");
    }

    @Test
    void anUnreachableUrlFailsTheRunWithAClearMessageAndChangesNothing() throws Exception {
        Map<String, String> before = rowVersions();
        JobExecution execution = jobs.startJob(new JobParametersBuilder(jobs.getUniqueJobParameters())
            .addString("legislators-url", "http://127.0.0.1:9/legislators-current.yaml", false)
            .toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(JobRunner.outcome(execution)).startsWith("Cannot read http://127.0.0.1:9/legislators-current.yaml");
        assertThat(rowVersions()).isEqualTo(before);
        assertThat(roster.runOfJob(execution.getId()).orElseThrow().getStatus()).isEqualTo(RosterSyncRun.Status.FAILED);
    }

    @Test
    void aMalformedFileFailsTheRunAndChangesNothing() throws Exception {
        Map<String, String> before = rowVersions();
        Files.writeString(folder.resolve("legislators-current.yaml"), "- id: {bioguide: A000055\n  name: [");
        Files.write(folder.resolve(RosterParser.OFFICES), RosterSnapshot.bundled(RosterParser.OFFICES));
        Files.write(folder.resolve(RosterParser.SOCIAL), RosterSnapshot.bundled(RosterParser.SOCIAL));

        JobExecution execution = run(folder.toUri().toString());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(JobRunner.outcome(execution)).startsWith("legislators-current.yaml is not valid YAML");
        assertThat(rowVersions()).isEqualTo(before);
    }

    @Test
    void aRecordWithoutARequiredFieldFailsTheRunNamingTheRecord() throws Exception {
        Map<String, String> before = rowVersions();
        String edited = RosterSnapshot.writeEdited(folder, list -> {
            ((ObjectNode) list.get(2).path("name")).remove("last");
            return list;
        });

        JobExecution execution = run(edited);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(JobRunner.outcome(execution))
            .matches("legislators-current.yaml, record 3 \\([A-Z][0-9]{6}\\): name.last is missing");
        assertThat(rowVersions()).isEqualTo(before);
    }

    private JobExecution run(String folderUrl) throws Exception {
        String base = folderUrl.endsWith("/") ? folderUrl : folderUrl + "/";
        JobParameters parameters = new JobParametersBuilder(jobs.getUniqueJobParameters())
            .addString("legislators-url", base + RosterParser.LEGISLATORS, false)
            .addString("offices-url", base + RosterParser.OFFICES, false)
            .addString("social-url", base + RosterParser.SOCIAL, false)
            .toJobParameters();
        JobExecution execution = jobs.startJob(parameters);
        // After any other roster, even one refused, the bundled one is synced again.
        bundledIsCurrent = folderUrl.equals(BUNDLED) && execution.getStatus() == BatchStatus.COMPLETED;
        return execution;
    }

    /**
     * Every roster row with its transaction id: unchanged only if nothing was written.
     */
    private Map<String, String> rowVersions() {
        Map<String, String> versions = new HashMap<>();
        jdbc.sql("select 'l' || bioguide_id, xmin::text from legislator")
            .query((rs, n) -> versions.put(rs.getString(1), rs.getString(2)))
            .list();
        jdbc.sql("select 'o' || id, xmin::text from district_office")
            .query((rs, n) -> versions.put(rs.getString(1), rs.getString(2)))
            .list();
        jdbc.sql("select 'p' || bioguide_id || starts_on, xmin::text from legislator_party_affiliation")
            .query((rs, n) -> versions.put(rs.getString(1), rs.getString(2)))
            .list();
        return versions;
    }

}
