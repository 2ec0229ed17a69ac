package org.advocacy.cwc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.advocacy.cwc.internal.CwcHttpClient;
import org.advocacy.cwc.internal.OutboxStore;
import org.advocacy.cwc.internal.OutboxStore.CampaignInfo;
import org.advocacy.cwc.internal.OutboxStore.Claimed;
import org.advocacy.shared.PublicUrls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;

/**
 * Drains the CWC outbox, one delivery at a time: claim (SENDING, committed), build the
 * message, POST, record the outcome. A temporary failure is tried again at once a few
 * times ({@link RetryTemplate} with back-off), then put back with a growing delay; a
 * break after the body left is in doubt and never resent. Run under ShedLock by the batch
 * module's poller; claims skip locked rows, so even two drains at once never post a row
 * twice.
 */
@Service
public class CwcSender {

    private static final Logger log = LoggerFactory.getLogger(CwcSender.class);

    /** DeliveryDate is the date in Washington. */
    private static final ZoneId CAPITOL = ZoneId.of("America/New_York");

    private static final Duration MAX_RETRY_DELAY = Duration.ofHours(6);

    private final CwcSettings settings;

    private final OutboxStore store;

    private final PublicUrls urls;

    private final Clock clock;

    private final @Nullable CwcHttpClient house;

    private final @Nullable CwcHttpClient senate;

    private final RetryTemplate retry;

    CwcSender(CwcSettings settings, OutboxStore store, PublicUrls urls, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.urls = urls;
        this.clock = clock;
        CwcSettings.Drain drain = settings.drain();
        this.house = settings.house().enabled() ? new CwcHttpClient(settings.house().baseUrl(),
                settings.house().apiKey(), drain.connectTimeout(), drain.requestTimeout()) : null;
        this.senate = settings.senate().enabled() ? new CwcHttpClient(settings.senate().baseUrl(),
                settings.senate().apiKey(), drain.connectTimeout(), drain.requestTimeout()) : null;
        this.retry = new RetryTemplate(RetryPolicy.builder()
            .includes(TemporaryFailure.class)
            .maxRetries(Math.max(0, drain.immediateTries() - 1))
            .delay(drain.immediateDelay())
            .multiplier(2)
            .build());
    }

    /** What one drain did. */
    public record DrainResult(int delivered, int failed, int retryLater, int inDoubt, int abandoned) {
        public int handled() {
            return delivered + failed + retryLater + inDoubt;
        }
    }

    /**
     * Recovers abandoned rows, applies the hold period, then sends until nothing is ready
     * or the run is over.
     */
    public DrainResult drain() {
        if (!settings.enabled()) {
            return new DrainResult(0, 0, 0, 0, 0);
        }
        CwcSettings.Drain drain = settings.drain();
        int abandoned = store.markAbandonedInDoubt(drain.staleAfter());
        if (abandoned > 0) {
            log.warn("CWC: {} deliveries were left mid-send by a stopped sender and are now in doubt", abandoned);
        }
        store.eraseExpired(drain.holdAddressFor());
        Instant deadline = clock.instant().plus(drain.maxRun());
        Map<Long, CampaignInfo> campaigns = new HashMap<>();
        int delivered = 0, failed = 0, later = 0, inDoubt = 0;
        while (clock.instant().isBefore(deadline) && !Thread.currentThread().isInterrupted()) {
            Optional<Claimed> next = store.claimNext();
            if (next.isEmpty()) {
                break;
            }
            Claimed claimed = next.get();
            CwcOutcome outcome = send(claimed, campaigns.computeIfAbsent(claimed.campaignId(), store::campaign));
            switch (outcome) {
                case CwcOutcome.Accepted a -> {
                    store.markDelivered(claimed.id());
                    delivered++;
                }
                case CwcOutcome.Rejected r -> {
                    store.markRejected(claimed.id(), String.join("\n", r.errors()));
                    failed++;
                }
                case CwcOutcome.InDoubt d -> {
                    store.markInDoubt(claimed.id(), "In doubt, not sent again: " + d.reason());
                    inDoubt++;
                }
                case CwcOutcome.Temporary t -> {
                    if (claimed.attempts() >= drain.maxAttempts()) {
                        store.markGaveUp(claimed.id(), "Gave up after " + claimed.attempts() + " tries: " + t.reason());
                        failed++;
                    }
                    else {
                        store.release(claimed.id(), t.reason(), clock.instant().plus(backOff(claimed.attempts())));
                        later++;
                    }
                }
            }
        }
        if (delivered + failed + later + inDoubt > 0) {
            log.info("CWC drain: {} delivered, {} failed, {} to retry, {} in doubt", delivered, failed, later, inDoubt);
        }
        return new DrainResult(delivered, failed, later, inDoubt, abandoned);
    }

    private CwcOutcome send(Claimed claimed, CampaignInfo campaign) {
        CwcHttpClient client = claimed.memberOffice().startsWith("H") ? house : senate;
        if (client == null) {
            return new CwcOutcome.Temporary("CWC delivery to this chamber is not configured");
        }
        String xml;
        try {
            xml = CwcXml.write(message(claimed, campaign));
        }
        catch (IllegalStateException e) {
            return new CwcOutcome.Temporary(e.getMessage() == null ? "the message could not be built" : e.getMessage());
        }
        try {
            return retry.execute(() -> {
                CwcOutcome outcome = client.deliver(xml);
                if (outcome instanceof CwcOutcome.Temporary t) {
                    throw new TemporaryFailure(t);
                }
                return outcome;
            });
        }
        catch (RetryException e) {
            return e.getLastException() instanceof TemporaryFailure t ? t.outcome
                    : new CwcOutcome.Temporary("unexpected " + e.getLastException().getClass().getSimpleName());
        }
    }

    CwcMessage message(Claimed c, CampaignInfo campaign) {
        List<String> topics = campaign.topics().isEmpty() ? List.of(CwcVocabulary.DEFAULT_TOPIC) : campaign.topics();
        List<CwcMessage.BillRef> bills = campaign.bills()
            .stream()
            .map(b -> new CwcMessage.BillRef(b.congress(), b.type().toLowerCase(Locale.ROOT), b.number()))
            .toList();
        return new CwcMessage(c.deliveryId(), LocalDate.ofInstant(clock.instant(), CAPITOL), settings.agent(),
                campaign.slug(), c.memberOffice(),
                new CwcMessage.Constituent(c.prefix(), c.firstName(), c.lastName(), c.address1(), c.address2(),
                        c.city(), c.state(), c.zip(), c.email()),
                c.subject(), topics, bills, c.edited() ? null : c.message(), c.edited() ? c.message() : null,
                urls.campaign(campaign.slug()));
    }

    private Duration backOff(int attempts) {
        Duration delay = settings.drain().retryDelay().multipliedBy(1L << Math.min(attempts - 1, 16));
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    /** A temporary outcome thrown so that the retry policy tries again. */
    static final class TemporaryFailure extends RuntimeException {

        final CwcOutcome.Temporary outcome;

        TemporaryFailure(CwcOutcome.Temporary outcome) {
            super(outcome.reason(), null, false, false);
            this.outcome = outcome;
        }

    }

}
