package org.advocacy.batch.districts;

import org.advocacy.batch.JobInputReader;
import org.advocacy.batch.LoadOnStart;
import org.advocacy.legislators.DistrictService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, when the ZIP table was never imported, imports the bundled file, so
 * ZIP lookups work at once. Off with {@code advocacy.districts.load-on-start=false}.
 */
@Component
@Order(11)
class DistrictsLoadOnStart extends LoadOnStart {

    private final DistrictService districts;

    private final JobInputReader sources;

    DistrictsLoadOnStart(DistrictService districts, JobInputReader sources, DistrictsProperties properties,
            @Value("${advocacy.run-job:}") String runJob) {
        super(properties.loadOnStart(), runJob);
        this.districts = districts;
        this.sources = sources;
    }

    @Override
    protected boolean loaded() {
        return districts.hasBeenImported();
    }

    @Override
    protected String load() {
        var result = districts.replaceAll(ZctaParser.parse(sources.read(DistrictsProperties.BUNDLED)));
        return "Loaded the bundled ZIP-to-district table: " + result.describe();
    }

}
