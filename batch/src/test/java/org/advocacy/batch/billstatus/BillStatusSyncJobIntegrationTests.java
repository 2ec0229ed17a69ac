package org.advocacy.batch.billstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.advocacy.batch.JobRunner;

/**
 * The job on every real file, against PostgreSQL: what it writes, what a second run
 * writes, and failures.
 */
@SpringBootTest
class BillStatusSyncJobIntegrationTests {

    static final String MINE = "congress in (114, 117)";

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("billStatusSyncJob")
    Job job;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    @BeforeEach
    void trackTheEightBills() throws Exception {
        jdbc.sql("delete from campaign_bill where bill_id in (select id from bill where " + MINE + ")").update();
        jdbc.sql("delete from bill where " + MINE).update();
        for (String bill : new String[] { "117,HR,1", "117,HR,2471", "117,HR,6658", "117,S,35", "117,SCONRES,7",
                "114,HJRES,45", "114,HR,1314", "114,HR,3762" }) {
            String[] p = bill.split(",");
            jdbc.sql("insert into bill (congress, bill_type, number, short_title) values (?, ?, ?, 'Tracked')")
                .params(Integer.parseInt(p[0]), p[1], Integer.parseInt(p[2]))
                .update();
        }
        BillStatusFiles.copyAll(folder);
    }

    JobExecution run() throws Exception {
        return jobOperator.start(job,
                new JobParametersBuilder().addLong("requested-at", System.nanoTime())
                    .addString(BillStatusSyncJobConfiguration.STATUS_URL, BillStatusFiles.template(folder), false)
                    .toJobParameters());
    }

    long id(int congress, String type, int number) {
        return jdbc.sql("select id from bill where congress = ? and bill_type = ? and number = ?")
            .params(congress, type, number)
            .query(Long.class)
            .single();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-",
            value = { "117, HR,      1,    PASSED_HOUSE,  2021-03-03, -,                  222, S001168",
                    "117, HR,      2471, ENACTED,       2022-03-15, Public Law 117-103, 7,   J000294",
                    "117, HR,      6658, IN_COMMITTEE,  2022-02-09, -,                  111, D000619",
                    "117, S,       35,   PASSED_SENATE, 2021-02-12, -,                  72,  V000128",
                    "117, SCONRES, 7,    IN_COMMITTEE,  2021-03-01, -,                  38,  K000367",
                    "114, HJRES,   45,   IN_COMMITTEE,  2015-04-16, -,                  6,   F000448",
                    "114, HR,      1314, ENACTED,       2015-11-02, Public Law 114-74,  2,   M001181",
                    "114, HR,      3762, VETOED,        2016-01-08, -,                  0,   P000591" })
    void eachTrackedBillGetsItsStageDateLawCosponsorsAndSponsor(int congress, String type, int number, String stage,
            LocalDate changedOn, String law, int cosponsors, String sponsor) throws Exception {
        run();
        long id = id(congress, type, number);

        assertThat(jdbc.sql("select stage from bill where id = ?").param(id).query(String.class).single())
            .isEqualTo(stage);
        assertThat(jdbc.sql("select min(occurred_on) from bill_status_event where bill_id = ? and stage = ?")
            .params(id, stage)
            .query(LocalDate.class)
            .single()).isEqualTo(changedOn);
        assertThat(jdbc.sql("select public_law from bill where id = ?")
            .param(id)
            .query(String.class)
            .optional()
            .orElse(null)).isEqualTo(law);
        assertThat(jdbc.sql("select count(*) from bill_cosponsor where bill_id = ?")
            .param(id)
            .query(Integer.class)
            .single()).isEqualTo(cosponsors);
        assertThat(jdbc.sql("select sponsor_id from bill where id = ?").param(id).query(String.class).single())
            .isEqualTo(sponsor);
        assertThat(
                jdbc.sql("select succeeded from bill_sync where bill_id = ?").param(id).query(Boolean.class).single())
            .isTrue();
    }

    @Test
    void theDemoBillWhoseFileCannotBeFetchedKeepsItsHistoryAndOnlyItFails() throws Exception {
        String before = history(119, "HR", 4323);

        JobExecution execution = run();

        assertThat(before).contains("ENACTED");
        assertThat(history(119, "HR", 4323)).isEqualTo(before);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(JobRunner.outcome(execution)).contains("8 updated")
            .contains("H.R. 4323 (119th): Cannot read")
            .contains("no such file");
        assertThat(jdbc.sql("select message from bill_sync where bill_id = ?")
            .param(id(119, "HR", 4323))
            .query(String.class)
            .single()).contains("BILLSTATUS-119hr4323.xml: no such file");
    }

    @Test
    void aSecondRunWithTheSameFilesWritesNoBillData() throws Exception {
        run();
        String before = dataRows();
        long audits = jdbc.sql("select count(*) from audit_event").query(Long.class).single();

        JobExecution second = run();

        assertThat(dataRows()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(audits);
        assertThat(JobRunner.outcome(second)).contains("0 updated, 8 unchanged")
            .contains("0 stage changes, 0 rows written");
    }

    @Test
    void aMalformedAndAMissingFileFailOnlyTheirOwnBillsAndChangeNothingForThem() throws Exception {
        run();
        String hr1Before = history(117, "HR", 1);
        String s35Before = history(117, "S", 35);
        byte[] whole = Files.readAllBytes(folder.resolve("BILLSTATUS-117hr1.xml"));
        Files.write(folder.resolve("BILLSTATUS-117hr1.xml"), Arrays.copyOf(whole, whole.length / 3));
        Files.delete(folder.resolve("BILLSTATUS-117s35.xml"));
        jdbc.sql("update bill set short_title = 'Edited by hand' where " + MINE
                + " and not (bill_type = 'HR' and number = 1) " + "and not (bill_type = 'S' and number = 35)")
            .update();

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(history(117, "HR", 1)).isEqualTo(hr1Before);
        assertThat(history(117, "S", 35)).isEqualTo(s35Before);
        assertThat(JobRunner.outcome(execution)).contains("6 updated").contains(" failed; ");
        assertThat(jdbc.sql("select message from bill_sync where bill_id = ?")
            .param(id(117, "HR", 1))
            .query(String.class)
            .single()).startsWith("Not a valid Bill Status file: it is not well-formed XML");
        assertThat(jdbc.sql("select message from bill_sync where bill_id = ?")
            .param(id(117, "S", 35))
            .query(String.class)
            .single()).endsWith("BILLSTATUS-117s35.xml: no such file");
        assertThat(jdbc.sql("select count(*) from bill where " + MINE + " and short_title = 'Edited by hand'")
            .query(Integer.class)
            .single()).isZero();
        assertThat(jdbc.sql("select succeeded from bill_sync where bill_id = ?")
            .param(id(117, "HR", 1))
            .query(Boolean.class)
            .single()).isFalse();
    }

    @Test
    void cosponsorsInTheRosterBecomeCosponsorStancesButAStanceSetByHandIsKept() throws Exception {
        long hr2471 = id(117, "HR", 2471);
        // S000344 (Sherman, still in the roster) cosponsored H.R. 2471; staff recorded
        // another stance by hand.
        jdbc.sql(
                "insert into legislator_stance (bill_id, bioguide_id, stance, source) values (?, 'S000344', 'OPPOSED', 'STAFF')")
            .param(hr2471)
            .update();

        run();

        assertThat(jdbc
            .sql("select stance || '/' || source from legislator_stance where bill_id = ? and bioguide_id = 'S000344'")
            .param(hr2471)
            .query(String.class)
            .single()).isEqualTo("OPPOSED/STAFF");
        // The other two cosponsors in the current roster (M001199, G000593) become
        // COSPONSOR; the four
        // former members (W000823, T000479, C001084, S001209) cannot have a stance but
        // stay cosponsors.
        assertThat(jdbc.sql(
                "select bioguide_id from legislator_stance where bill_id = ? and stance = 'COSPONSOR' and source = 'SYNC' order by 1")
            .param(hr2471)
            .query(String.class)
            .list()).containsExactly("G000593", "M001199");
        assertThat(jdbc.sql("select name from bill_cosponsor where bill_id = ? and bioguide_id = 'W000823'")
            .param(hr2471)
            .query(String.class)
            .single()).isEqualTo("Rep. Waltz, Michael [R-FL-6]");
        // Former members (not in the current roster) are kept by bioguide id and name.
        assertThat(jdbc.sql("""
                select count(*) from bill_cosponsor c where c.bill_id = ? and c.name is not null
                and not exists (select 1 from legislator l where l.bioguide_id = c.bioguide_id)""")
            .param(id(117, "HR", 1))
            .query(Integer.class)
            .single()).isPositive();
        assertThat(jdbc.sql("select sponsor_name from bill where id = ?")
            .param(id(117, "HR", 1))
            .query(String.class)
            .single()).isEqualTo("Rep. Sarbanes, John P. [D-MD-3]");
    }

    String history(int congress, String type, int number) {
        long id = id(congress, type, number);
        return jdbc.sql("""
                select b.stage || '|' || coalesce(b.public_law, '') || '|' || b.short_title || '|' ||
                       coalesce((select string_agg(e.occurred_on || ' ' || e.stage || ' ' || e.description, ';'
                                 order by e.id) from bill_status_event e where e.bill_id = b.id), '') || '|' ||
                       (select count(*) from bill_cosponsor c where c.bill_id = b.id)
                from bill b where b.id = ?""").param(id).query(String.class).single();
    }

    /**
     * The physical row versions of every row of the tracked bills' data: any write
     * changes them.
     */
    String dataRows() {
        String mine = "b." + MINE;
        return jdbc.sql("select (select string_agg(xmin::text, ',' order by id) from bill b where " + mine
                + ") || '/' || "
                + "(select string_agg(e.xmin::text, ',' order by e.id) from bill_status_event e join bill b on b.id = e.bill_id where "
                + mine + ") || '/' || "
                + "(select string_agg(c.xmin::text, ',' order by c.bill_id, c.bioguide_id) from bill_cosponsor c join bill b on b.id = c.bill_id where "
                + mine + ") || '/' || "
                + "(select coalesce(string_agg(s.xmin::text, ',' order by s.bill_id, s.bioguide_id), '') from legislator_stance s join bill b on b.id = s.bill_id where "
                + mine + ") || '/' || " + "(select count(*) from bill_stage_change)")
            .query(String.class)
            .single();
    }

}
