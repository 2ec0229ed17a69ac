package org.advocacy.batch.districts;

import org.advocacy.batch.JobInputReader;
import org.advocacy.legislators.DistrictService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, when the ZIP table was never imported, imports the bundled file, so
 * ZIP lookups work at once. One cheap query when the table is filled. Off with
 * {@code advocacy.districts.load-on-start=false}, and when the process only runs a job.
 */
@Component
@Order(11)
class DistrictsLoadOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DistrictsLoadOnStart.class);

    private final DistrictService districts;

    private final JobInputReader sources;

    private final DistrictsProperties properties;

    private final boolean runningAJob;

    DistrictsLoadOnStart(DistrictService districts, JobInputReader sources, DistrictsProperties properties,
            @Value("${advocacy.run-job:}") String runJob) {
        this.runningAJob = !runJob.isBlank();
        this.districts = districts;
        this.sources = sources;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (runningAJob || !properties.loadOnStart() || districts.hasBeenImported()) {
            return;
        }
        var result = districts.replaceAll(ZctaParser.parse(sources.read(DistrictsProperties.BUNDLED)));
        log.info("Loaded the bundled ZIP-to-district table: {}", result.describe());
    }

}
