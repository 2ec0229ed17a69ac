package org.advocacy;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's core and batch modules without the web modules, for bench/cwc.sh: the CWC drain poller runs
 * (under ShedLock, as in production) and the process exits once no delivery is left PENDING or SENDING.
 */
@SpringBootApplication
public class CwcBenchApplication {

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(CwcBenchApplication.class, args);
        System.out.println("BENCH-READY " + System.currentTimeMillis());
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TimeUnit.SECONDS.sleep(2);
        while (jdbc.queryForObject("select count(*) from cwc_delivery where status in ('PENDING', 'SENDING')", Integer.class) > 0) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        context.close();
        System.exit(0);
    }
}
