package org.advocacy.batch;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the process only runs a job ({@code advocacy.run-job} is set), it needs no web server and
 * no schedule: this turns both off, unless they were set explicitly.
 */
class RunJobEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String job = environment.getProperty("advocacy.run-job");
        if (job == null || job.isBlank()) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("advocacy-run-job", Map.of(
                "spring.main.web-application-type", "none",
                "advocacy.jobs.schedule", "false")));
    }
}
