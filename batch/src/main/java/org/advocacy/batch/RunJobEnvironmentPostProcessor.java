package org.advocacy.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * When the process only runs a job ({@code advocacy.run-job} is set), it needs no web
 * server and no schedule: this turns both off (and Vaadin's auto-configuration, which
 * needs a server).
 */
class RunJobEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final List<String> VAADIN_AUTO_CONFIGURATIONS = List.of("com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration", "com.vaadin.flow.spring.VaadinScopesConfig");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String job = environment.getProperty("advocacy.run-job");
        if (job == null || job.isBlank()) {
            return;
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.main.web-application-type", "none");
        // Nothing on a schedule: a poller could start a reminder send or a CWC drain that
        // the exit would cut short.
        settings.put(SchedulingConfiguration.ENABLED, "false");
        // Vaadin's auto-configuration needs a web application context; without a server
        // it has nothing to do.
        List<String> excluded = VAADIN_AUTO_CONFIGURATIONS.stream()
            .filter(name -> ClassUtils.isPresent(name, application.getClassLoader()))
            .toList();
        if (!excluded.isEmpty()) {
            String already = environment.getProperty("spring.autoconfigure.exclude", "");
            settings.put("spring.autoconfigure.exclude",
                    already.isBlank() ? String.join(",", excluded) : already + "," + String.join(",", excluded));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("advocacy-run-job", settings));
    }

}
