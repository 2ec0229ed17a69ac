package org.advocacy.batch.districts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.advocacy.batch.JobRunner;
import org.advocacy.legislators.DistrictService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class DistrictImportJobIntegrationTests {

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    @Qualifier("districtImportJob")
    Job districtImportJob;

    @Autowired
    DistrictService districts;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    JobOperatorTestUtils jobs;

    @BeforeEach
    void setUp() {
        jobs = new JobOperatorTestUtils(jobOperator, jobRepository);
        jobs.setJob(districtImportJob);
    }

    @Test
    void theBundledFileHolds42033RowsFor33774ZipsAndASecondImportWritesNothing() throws Exception {
        JobExecution first = run("classpath:districts/zccd.csv");
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String before = jdbc.sql("select string_agg(xmin::text, ',' order by zcta, state, district) from zcta_district")
            .query(String.class)
            .single();

        JobExecution second = run("classpath:districts/zccd.csv");

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(JobRunner.outcome(second)).isEqualTo("42033 rows in the file, 0 inserted, 0 deleted");
        assertThat(second.getStepExecutions()).singleElement().satisfies(step -> {
            assertThat(step.getReadCount()).isEqualTo(42033);
            assertThat(step.getWriteCount()).isZero();
        });
        assertThat(districts.count()).isEqualTo(42033);
        assertThat(jdbc.sql("select count(distinct zcta) from zcta_district").query(Long.class).single())
            .isEqualTo(33774);
        assertThat(jdbc.sql("select string_agg(xmin::text, ',' order by zcta, state, district) from zcta_district")
            .query(String.class)
            .single()).isEqualTo(before);
    }

    @Test
    void aChangedFileIsAppliedByDifferenceAndTheBundledFileRestoresIt() throws Exception {
        byte[] bundled = getClass().getResourceAsStream("/districts/zccd.csv").readAllBytes();
        String text = new String(bundled, StandardCharsets.UTF_8).replace("01,AL,35004,3\r\n", "")
                + "50,VT,05999,0\r\n";
        Path file = folder.resolve("zccd.csv");
        Files.writeString(file, text);

        JobExecution changed = run(file.toUri().toString());

        assertThat(JobRunner.outcome(changed)).isEqualTo("42033 rows in the file, 1 inserted, 1 deleted");
        assertThat(jdbc.sql("select count(*) from zcta_district where zcta = '05999'").query(Long.class).single())
            .isOne();

        JobExecution restored = run("classpath:districts/zccd.csv");
        assertThat(JobRunner.outcome(restored)).isEqualTo("42033 rows in the file, 1 inserted, 1 deleted");
    }

    @Test
    void aMalformedFileFailsWithTheLineAndLeavesTheTableAsItWas() throws Exception {
        Path file = folder.resolve("zccd.csv");
        Files.writeString(file, "state_fips,state_abbr,zcta,cd\r\n01,AL,35004,3\r\n01,AL,3500X,3\r\n");

        JobExecution execution = run(file.toUri().toString());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(JobRunner.outcome(execution))
            .isEqualTo("Line 3 of the ZIP-to-district file: A ZCTA is five digits, not '3500X'");
        assertThat(districts.count()).isEqualTo(42033);
    }

    @Test
    void anUnreachableUrlFailsWithAClearMessage() throws Exception {
        JobExecution execution = run("http://127.0.0.1:9/zccd.csv");

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(JobRunner.outcome(execution)).startsWith("Cannot read http://127.0.0.1:9/zccd.csv: ");
        assertThat(districts.count()).isEqualTo(42033);
    }

    private JobExecution run(String url) throws Exception {
        return jobs.startJob(new JobParametersBuilder(jobs.getUniqueJobParameters())
            .addString(DistrictImportJobConfiguration.ZCTA_URL, url, false)
            .toJobParameters());
    }

}
