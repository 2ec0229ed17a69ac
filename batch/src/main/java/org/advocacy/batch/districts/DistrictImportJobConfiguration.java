package org.advocacy.batch.districts;

import java.util.Map;

import org.advocacy.batch.JobInputReader;
import org.advocacy.legislators.DistrictService;
import org.advocacy.legislators.RosterJobs;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code district-import} job: one step that reads the CSV and hands it to
 * {@link DistrictService}, which applies only the differences in one transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DistrictsProperties.class)
public class DistrictImportJobConfiguration {

    static final String JOB = RosterJobs.Name.DISTRICT_IMPORT.jobName();

    public static final String ZCTA_URL = "zcta-url";

    @Bean
    Job districtImportJob(JobRepository jobRepository, JobInputReader sources, DistrictService districts,
            DistrictsProperties properties) {
        Step importStep = new StepBuilder("import-districts", jobRepository).tasklet((contribution, chunk) -> {
            var stepExecution = contribution.getStepExecution();
            String url = stepExecution.getJobParameters().getString(ZCTA_URL);
            var rows = ZctaParser.parse(sources.read(url == null || url.isBlank() ? properties.zctaUrl() : url));
            rows.forEach(row -> contribution.incrementReadCount());
            DistrictService.ImportResult result = districts.replaceAll(rows);
            contribution.incrementWriteCount(result.rowsWritten());
            stepExecution.getJobExecution().getExecutionContext().putString("summary", result.describe());
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(result.describe()));
            return RepeatStatus.FINISHED;
        }, new ResourcelessTransactionManager()).build();
        return new JobBuilder(JOB, jobRepository).start(importStep).build();
    }

    public static Map<String, String> sourceParameters(DistrictsProperties properties) {
        return Map.of(ZCTA_URL, properties.zctaUrl());
    }

}
