package org.advocacy.cwc;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code advocacy.cwc.*}: where each chamber's CWC service is and its API key, who the
 * delivery agent is, and how the outbox is drained. A chamber is enabled only when its
 * base URL and key are both set; with neither, letters go the way they always have.
 */
@ConfigurationProperties("advocacy.cwc")
public record CwcSettings(Chamber house, SenateChamber senate, Agent agent, Drain drain) {

    public CwcSettings {
        house = house == null ? new Chamber(null, null) : house;
        senate = senate == null ? new SenateChamber(null, null, null) : senate;
        agent = agent == null ? new Agent(null, null, null, null, null, null, null) : agent;
        drain = drain == null ? Drain.defaults() : drain;
    }

    public record Chamber(@Nullable String baseUrl, @Nullable String apiKey) {
        public boolean enabled() {
            return baseUrl != null && !baseUrl.isBlank() && apiKey != null && !apiKey.isBlank();
        }
    }

    /**
     * The Senate also publishes which offices accept CWC ({@code offices-url}, the
     * active-offices JSON).
     */
    public record SenateChamber(@Nullable String baseUrl, @Nullable String apiKey, @Nullable String officesUrl) {
        public boolean enabled() {
            return new Chamber(baseUrl, apiKey).enabled();
        }
    }

    /**
     * The delivery agent (the API key's owner) and its contact; the phone is
     * xxx-xxx-xxxx. The organisation is the group running the campaign, sent as
     * {@code Organization} when set.
     */
    public record Agent(@Nullable String name, @Nullable String ackEmail, @Nullable String contactName,
            @Nullable String contactEmail, @Nullable String contactPhone, @Nullable String organization,
            @Nullable String organizationAbout) {
    }

    /**
     * How the outbox drains: poll interval, how long one drain may run, the HTTP
     * timeouts, how often and how far apart a temporarily failing delivery is tried, and
     * when an unfinished SENDING row counts as abandoned.
     */
    public record Drain(@DefaultValue("PT2S") Duration pollInterval, @DefaultValue("PT50S") Duration maxRun,
            @DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT30S") Duration requestTimeout,
            @DefaultValue("3") int immediateTries, @DefaultValue("PT0.5S") Duration immediateDelay,
            @DefaultValue("8") int maxAttempts, @DefaultValue("PT1M") Duration retryDelay,
            @DefaultValue("PT5M") Duration staleAfter, @DefaultValue("P30D") Duration holdAddressFor) {

        static Drain defaults() {
            return new Drain(Duration.ofSeconds(2), Duration.ofSeconds(50), Duration.ofSeconds(5),
                    Duration.ofSeconds(30), 3, Duration.ofMillis(500), 8, Duration.ofMinutes(1), Duration.ofMinutes(5),
                    Duration.ofDays(30));
        }
    }

    public boolean enabled() {
        return house.enabled() || senate.enabled();
    }
}
