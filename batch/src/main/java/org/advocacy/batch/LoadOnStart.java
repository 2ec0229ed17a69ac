package org.advocacy.batch;

import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * On the first start, loads data bundled with the application when it was never loaded,
 * so that a new installation works at once and without the network; one cheap query when
 * it is already there. Off by its {@code load-on-start} setting, and when the process
 * only runs a job ({@code advocacy.run-job}).
 */
public abstract class LoadOnStart implements ApplicationRunner {

    private final boolean enabled;

    /**
     * @param enabled the {@code load-on-start} setting
     * @param runJob the job this process runs, blank when it serves
     */
    protected LoadOnStart(boolean enabled, String runJob) {
        this.enabled = enabled && runJob.isBlank();
    }

    @Override
    public final void run(ApplicationArguments args) {
        if (enabled && !loaded()) {
            LoggerFactory.getLogger(getClass()).info(load());
        }
    }

    /** Whether the data was ever loaded. */
    protected abstract boolean loaded();

    /** Loads the bundled data; says what was loaded, for the log. */
    protected abstract String load();

}
