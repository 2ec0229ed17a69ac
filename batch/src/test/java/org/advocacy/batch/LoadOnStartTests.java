package org.advocacy.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class LoadOnStartTests {

    /** Counts its loads; "loaded" as told. */
    private static final class Counting extends LoadOnStart {

        private final boolean loaded;

        private int loads;

        Counting(boolean enabled, String runJob, boolean loaded) {
            super(enabled, runJob);
            this.loaded = loaded;
        }

        @Override
        protected boolean loaded() {
            return loaded;
        }

        @Override
        protected String load() {
            loads++;
            return "Loaded the bench data";
        }

    }

    private static int loadsOf(Counting start) {
        start.run(new DefaultApplicationArguments());
        return start.loads;
    }

    @Test
    void loadsOnTheFirstStartOfAServingProcess() {
        assertThat(loadsOf(new Counting(true, "", false))).isEqualTo(1);
        assertThat(loadsOf(new Counting(true, "  ", false))).isEqualTo(1);
    }

    @Test
    void loadsNothingOnceLoadedWhenOffOrWhenTheProcessOnlyRunsAJob() {
        assertThat(loadsOf(new Counting(true, "", true))).isZero();
        assertThat(loadsOf(new Counting(false, "", false))).isZero();
        assertThat(loadsOf(new Counting(true, "roster-sync", false))).isZero();
    }

}
