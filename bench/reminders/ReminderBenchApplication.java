package org.advocacy;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's core and batch jobs without the web modules, for bench/reminders.sh: starts the schedulers
 * (which start due reminders and resume interrupted ones) and exits when no reminder is left to send.
 */
@SpringBootApplication
public class ReminderBenchApplication {

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(ReminderBenchApplication.class, args);
        System.out.println("BENCH-READY " + System.currentTimeMillis());
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TimeUnit.SECONDS.sleep(2);
        while (jdbc.queryForObject("select count(*) from reminder where status in ('SCHEDULED', 'SENDING')", Integer.class) > 0) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        context.close();
        System.exit(0);
    }
}
