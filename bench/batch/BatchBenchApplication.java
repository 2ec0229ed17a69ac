package org.advocacy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's core and batch modules without the web modules, for the batch benchmarks (bench/cwc.sh,
 * bench/reminders.sh): the pollers run as in production (under ShedLock), and the process exits once the query
 * {@code bench.pending} of the bench's settings counts no work left, checked every {@code bench.poll}.
 */
@SpringBootApplication
public class BatchBenchApplication {

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(BatchBenchApplication.class, args);
        System.out.println("BENCH-READY " + System.currentTimeMillis());
        Environment settings = context.getEnvironment();
        String pending = settings.getRequiredProperty("bench.pending");
        Duration poll = settings.getRequiredProperty("bench.poll", Duration.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TimeUnit.SECONDS.sleep(2);
        while (jdbc.queryForObject(pending, Integer.class) > 0) {
            Thread.sleep(poll);
        }
        context.close();
        System.exit(0);
    }
}
