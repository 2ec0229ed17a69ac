package org.advocacy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The whole platform in one process: the public site at /, the staff console at /admin,
 * and the batch jobs.
 */
@SpringBootApplication
public class AdvocacyApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdvocacyApplication.class, args);
    }

}
