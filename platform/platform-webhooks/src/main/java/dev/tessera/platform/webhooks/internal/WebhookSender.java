package dev.tessera.platform.webhooks.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.HealthCheck;
import dev.tessera.platform.api.HealthStatus;

/**
 * Sends queued deliveries: per webhook one at a time and in order, signed, retried with exponential backoff, and
 * the webhook paused (with the reason) after the configured number of failures in a row. A 401 or 403 from the
 * receiver is reported as a permission problem: the receiver does not accept the signature or wants credentials.
 */
@Component(service = {WebhookSender.class, HealthCheck.class}, configurationPid = WebhookSender.PID)
@Designate(ocd = WebhookSender.Config.class)
public final class WebhookSender implements HealthCheck {
    static final String PID = "dev.tessera.platform.webhooks";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    @ObjectClassDefinition(name = "Tessera webhooks")
    public @interface Config {
        @AttributeDefinition(description = "Wait before the first retry, in milliseconds; it doubles with each failure")
        long retryInitialMillis() default 10_000;

        @AttributeDefinition(description = "Longest wait between retries, in milliseconds")
        long retryMaxMillis() default 3_600_000;

        @AttributeDefinition(description = "Failures in a row after which a webhook is paused")
        int pauseAfterFailures() default 10;

        @AttributeDefinition(description = "How long a receiver may take to answer, in seconds")
        int requestTimeoutSeconds() default 10;

        @AttributeDefinition(description = "How often the queue is checked for due retries, in milliseconds")
        long pollMillis() default 1000;

        @AttributeDefinition(description = "Receivers called at the same time")
        int senders() default 4;

        @AttributeDefinition(description = "How long a delivery of an active webhook may stay due before health"
                + " reports webhook delivery DOWN, in seconds")
        long stalledAfterSeconds() default 600;

        @AttributeDefinition(description = "Hosts, host:port pairs or addresses on this machine or an inner network"
                + " that webhooks may send to (others of those are refused), e.g. 127.0.0.1:9000, bridge.internal")
        String[] allowPrivateTargets() default {};
    }

    /** The settings in force, each checked. */
    record Settings(long retryInitialMillis, long retryMaxMillis, int pauseAfterFailures, int requestTimeoutSeconds,
                    long pollMillis, int senders, long stalledAfterSeconds) {
        static Settings of(Config c) {
            return new Settings(
                    positive("retryInitialMillis", c.retryInitialMillis(), 10_000),
                    positive("retryMaxMillis", c.retryMaxMillis(), 3_600_000),
                    (int) positive("pauseAfterFailures", c.pauseAfterFailures(), 10),
                    (int) positive("requestTimeoutSeconds", c.requestTimeoutSeconds(), 10),
                    positive("pollMillis", c.pollMillis(), 1000),
                    (int) positive("senders", c.senders(), 4),
                    positive("stalledAfterSeconds", c.stalledAfterSeconds(), 600));
        }

        private static long positive(String key, long value, long otherwise) {
            if (value > 0) {
                return value;
            }
            LOG.warn("etc/{}.cfg: {} = {} is not a positive number; using {}", PID, key, value, otherwise);
            return otherwise;
        }

        /** The wait after the n-th failure in a row of one delivery: initial, doubled each time, capped. */
        Duration backoff(int failures) {
            long wait = retryInitialMillis;
            for (int i = 1; i < failures && wait < retryMaxMillis; i++) {
                wait *= 2;
            }
            return Duration.ofMillis(Math.min(wait, retryMaxMillis));
        }
    }

    private final WebhookStore store;
    private final Settings settings;
    private final Destinations destinations;
    private final HttpClient http;
    private final ScheduledExecutorService ticker;
    private final ExecutorService senders;
    private final Set<Long> busy = ConcurrentHashMap.newKeySet();

    @Activate
    public WebhookSender(@Reference WebhookStore store, Config config) {
        this.store = store;
        this.settings = Settings.of(config);
        this.destinations = Destinations.of(config.allowPrivateTargets());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(settings.requestTimeoutSeconds()))
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tessera-webhooks"));
        this.senders = Executors.newFixedThreadPool(settings.senders(), r -> daemon(r, "tessera-webhook-sender"));
        ticker.scheduleWithFixedDelay(this::tick, settings.pollMillis(), settings.pollMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops checking the queue and lets the deliveries under way finish (each is bounded by the request timeout). No
     * thread is interrupted: one interrupted in the middle of Derby's file I/O closes the database's file channel, and
     * the engine's shutdown then waits minutes for it to be restored.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        ticker.shutdown();
        senders.shutdown();
        ticker.awaitTermination(settings.requestTimeoutSeconds() + 1L, TimeUnit.SECONDS);
        senders.awaitTermination(settings.requestTimeoutSeconds() + 1L, TimeUnit.SECONDS);
    }

    /** Where webhooks may send. */
    Destinations destinations() {
        return destinations;
    }

    /** Checks the queue now, e.g. after new deliveries were queued. */
    void wake() {
        try {
            ticker.execute(this::tick);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    private void tick() {
        try {
            List<WebhookStore.Due> due = store.due(Instant.now(), Set.copyOf(busy), 100);
            for (WebhookStore.Due delivery : due) {
                if (busy.add(delivery.webhookId())) {
                    senders.execute(() -> {
                        try {
                            sendBacklog(delivery);
                        } finally {
                            busy.remove(delivery.webhookId());
                            wake(); // its next delivery may be due already
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook queue check failed, retried at the next poll: {}", e.getMessage());
        }
    }

    /**
     * Sends a webhook's due deliveries one after the other on this sender thread, as long as each is accepted (at
     * most 500 before other webhooks get their turn), so a backlog drains at the receiver's pace.
     */
    private void sendBacklog(WebhookStore.Due first) {
        WebhookStore.Due next = first;
        for (int sent = 0; next != null && sent < 500 && !senders.isShutdown(); sent++) {
            if (!send(next)) {
                return;
            }
            next = store.nextDue(next.webhookId(), Instant.now()).orElse(null);
        }
    }

    /** Sends one delivery; true when the receiver accepted it. */
    boolean send(WebhookStore.Due delivery) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request;
        URI target;
        try {
            target = URI.create(delivery.url());
        } catch (IllegalArgumentException e) {
            failed(delivery, null, "The webhook's URL cannot be called: " + e.getMessage(), 0);
            return false;
        }
        java.util.Optional<String> refused = destinations.refusal(target); // checked again: names can change address
        if (refused.isPresent()) {
            failed(delivery, null, "Refused: the webhook's URL may not be called, " + refused.get(), 0);
            return false;
        }
        try {
            request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(settings.requestTimeoutSeconds()))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Tessera-Webhooks/1")
                    .header("X-Tessera-Event", delivery.eventType())
                    .header("X-Tessera-Event-Schema-Version", Integer.toString(delivery.schemaVersion()))
                    .header("X-Tessera-Event-Id", delivery.eventId())
                    .header("X-Tessera-Delivery", Long.toString(delivery.deliveryId()))
                    .header("X-Tessera-Timestamp", Long.toString(timestamp))
                    .header("X-Tessera-Signature", Signature.sign(delivery.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            failed(delivery, null, "The webhook's URL cannot be called: " + e.getMessage(), 0);
            return false;
        }
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                store.delivered(delivery, status, millis);
                return true;
            }
            failed(delivery, status, refusal(status, response.headers().firstValue("Location").orElse(null)), millis);
        } catch (HttpConnectTimeoutException e) {
            failed(delivery, null, "Unreachable: no connection to " + host(delivery) + " within "
                    + settings.requestTimeoutSeconds() + " s", elapsed(start));
        } catch (HttpTimeoutException e) {
            failed(delivery, null, "Timeout: the receiver did not answer within " + settings.requestTimeoutSeconds()
                    + " s", elapsed(start));
        } catch (java.net.ConnectException e) {
            failed(delivery, null, "Unreachable: " + host(delivery) + " refused the connection", elapsed(start));
        } catch (IOException e) {
            // never the peer's own words: a non-HTTP service would have its banner shown to whoever reads this
            failed(delivery, null, "Unreachable: " + host(delivery) + " did not answer with HTTP, or the connection"
                    + " broke (" + e.getClass().getSimpleName() + ")", elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    /**
     * DOWN while an active webhook has a delivery that has been due for longer than the configured bound (delivery is
     * stuck or far behind), or while the queue cannot be read; paused webhooks with deliveries waiting are named.
     */
    @Override
    public HealthStatus check() {
        try {
            List<Webhook> all = store.after(0, 1000);
            Instant now = Instant.now();
            long pending = all.stream().mapToLong(Webhook::pendingDeliveries).sum();
            List<String> stuck = new ArrayList<>();
            List<String> paused = new ArrayList<>();
            Duration oldest = Duration.ZERO;
            for (Webhook w : all) {
                if (w.pendingDeliveries() == 0) {
                    continue;
                }
                if (Webhook.PAUSED.equals(w.state())) {
                    paused.add("webhook " + w.id() + " is paused with " + w.pendingDeliveries() + " waiting");
                    continue;
                }
                Duration due = w.nextAttemptAt() == null ? Duration.ZERO : Duration.between(w.nextAttemptAt(), now);
                if (due.compareTo(oldest) > 0) {
                    oldest = due;
                }
                if (due.toSeconds() > settings.stalledAfterSeconds()) {
                    stuck.add("webhook " + w.id() + " (" + w.url() + ") has " + w.pendingDeliveries() + " deliveries"
                            + " pending, the oldest due for " + due.toSeconds() + " s");
                }
            }
            if (!stuck.isEmpty()) {
                return HealthStatus.down(String.join("; ", stuck) + " (more than " + settings.stalledAfterSeconds()
                        + " s; tessera:webhooks)");
            }
            String detail = all.size() + " webhook(s), " + pending + " deliveries pending"
                    + (oldest.toSeconds() > 0 ? ", the oldest due for " + oldest.toSeconds() + " s" : "");
            return HealthStatus.up(paused.isEmpty() ? detail : detail + "; " + String.join("; ", paused));
        } catch (RuntimeException e) {
            return HealthStatus.down("cannot read the webhook queue: " + e.getMessage());
        }
    }

    /** What a non-2xx answer means for whoever runs the receiver. */
    static String refusal(int status, String location) {
        if (status == 401 || status == 403) {
            return "Permission problem: the receiver answered HTTP " + status + " (" + (status == 401 ? "Unauthorized"
                    : "Forbidden") + "): it does not accept Tessera's signature or wants credentials; check that the"
                    + " receiver verifies X-Tessera-Signature with this webhook's secret and lets the request in";
        }
        if (status >= 300 && status < 400) {
            return "The receiver answered HTTP " + status + " (redirect" + (location == null ? "" : " to " + location)
                    + "); redirects are not followed: set the webhook's URL to the final address";
        }
        if (status == 404 || status == 410) {
            return "The receiver answered HTTP " + status + ": there is nothing at the webhook's URL; check the address";
        }
        return "The receiver answered HTTP " + status + (status >= 500 ? " (an error on its side)" : "");
    }

    private void failed(WebhookStore.Due delivery, Integer status, String error, long millis) {
        int failures = delivery.attempts() + 1;
        Instant next = Instant.now().plus(settings.backoff(failures));
        String reason = "Paused after " + settings.pauseAfterFailures() + " failed deliveries in a row; last: " + error
                + ". Fix the receiver, then resume the webhook (POST /api/v1/webhooks/" + delivery.webhookId()
                + "/resume); nothing queued meanwhile is lost";
        boolean paused = store.failed(delivery, status, error, millis, next, settings.pauseAfterFailures(), reason);
        if (status != null && (status == 401 || status == 403)) {
            LOG.warn("Webhook {} delivery {} ({}): {}", delivery.webhookId(), delivery.deliveryId(), delivery.eventType(),
                    error);
        } else {
            LOG.info("Webhook {} delivery {} ({}) failed, attempt {}: {}", delivery.webhookId(), delivery.deliveryId(),
                    delivery.eventType(), failures, error);
        }
        if (paused) {
            LOG.warn("Webhook {} paused: {}", delivery.webhookId(), reason);
        }
    }

    private static String host(WebhookStore.Due delivery) {
        URI uri = URI.create(delivery.url());
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
