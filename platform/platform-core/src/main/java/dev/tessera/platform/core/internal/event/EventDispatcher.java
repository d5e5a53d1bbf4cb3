package dev.tessera.platform.core.internal.event;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.HealthCheck;
import dev.tessera.platform.api.HealthStatus;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.DeadLetter;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventLog;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.event.StoredEvent;
import dev.tessera.platform.api.event.SubscriberStatus;
import dev.tessera.platform.api.event.TopicPattern;
import dev.tessera.platform.api.event.UndeliverableEvent;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.core.internal.event.EventStore.Cursor;

/**
 * Delivers committed events, in stream order, to every {@link EventSubscriber} from its durable cursor, and to OSGi
 * EventAdmin as {@code tessera/<module>/<record>/<verb>}. A subscriber that is absent keeps its cursor and catches up
 * when it returns. A failing handler is retried with exponential backoff while the subscriber waits on that event
 * (so its order is kept); after the last attempt the event is dead-lettered and the subscriber moves on.
 */
@Component(service = {EventLog.class, HealthCheck.class}, immediate = true, configurationPid = EventDispatcher.PID)
@Designate(ocd = EventDispatcher.Config.class)
public final class EventDispatcher implements EventLog, HealthCheck {
    static final String PID = "dev.tessera.platform.events";
    static final String EVENT_ADMIN_SUBSCRIBER = "platform.eventadmin";
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    @ObjectClassDefinition(name = "Tessera event delivery")
    public @interface Config {
        @AttributeDefinition(description = "How often the dispatcher looks for new events, in milliseconds")
        long pollMillis() default 100;

        @AttributeDefinition(description = "Deliveries of one event to one subscriber before it is dead-lettered")
        int maxAttempts() default 5;

        @AttributeDefinition(description = "Wait before the first retry, in milliseconds; doubles with each retry")
        long backoffMillis() default 200;

        @AttributeDefinition(description = "Longest wait between retries, in milliseconds")
        long backoffMaxMillis() default 60_000;

        @AttributeDefinition(description = "Events read per subscriber and round")
        int batchSize() default 500;

        @AttributeDefinition(description = "Threads that deliver to subscribers; each subscriber is served by one thread"
                + " at a time, in order, so a slow one delays only itself")
        int deliveryThreads() default 4;

        @AttributeDefinition(description = "How long an event row id that is not visible yet is waited for, in seconds:"
                + " a transaction that commits its event later than this after a newer event (possible on PostgreSQL)"
                + " would not be delivered; a rolled-back transaction's row id is forgotten after it")
        long lateCommitGraceSeconds() default 600;
    }

    private final EventStore store;
    private final Config config;
    private final Map<String, EventSubscriber> subscribers = new ConcurrentHashMap<>();
    /** Subscribers whose events a delivery thread is working on now: each has at most one, so its order holds. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ExecutorService deliveries;
    private final Object wakeUp = new Object();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile String lastLoopError = "";

    /** Highest event row id that has a place in the stream (dispatcher thread only). */
    private long highestSequencedRow = -1;
    /** Row ids below it without a place yet: committed later, rolled back, or skipped by the database; first seen. */
    private final java.util.TreeMap<Long, Long> gaps = new java.util.TreeMap<>();
    /** How many of the newest gaps every scan reads along: open transactions, not old rollbacks, hold them. */
    static final int GAPS_PER_SCAN = 100;
    private long lastGapSweep;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public EventDispatcher(@Reference(target = "(tessera.module=platform)") ModuleSchema schema,
                           @Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource, Config config) {
        this.store = new EventStore(dataSource);
        this.config = checked(config);
        this.deliveries = java.util.concurrent.Executors.newFixedThreadPool(this.config.deliveryThreads(), r -> {
            Thread t = new Thread(r, "tessera-event-delivery");
            t.setDaemon(true);
            return t;
        });
        this.worker = new Thread(this::loop, "tessera-event-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        wake();
        worker.join(TimeUnit.SECONDS.toMillis(10));
        deliveries.shutdown();
        deliveries.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSubscriber(EventSubscriber subscriber) {
        String id = subscriber.subscriberId();
        EventSubscriber previous = subscribers.putIfAbsent(id, subscriber);
        if (previous != null) {
            LOG.error("Two event subscribers use the id {}; only the first receives events. Give each subscriber its own id", id);
            return;
        }
        LOG.info("Event subscriber {} is present, topics {}", id, subscriber.topics());
        wake();
    }

    void removeSubscriber(EventSubscriber subscriber) {
        if (subscribers.remove(subscriber.subscriberId(), subscriber)) {
            LOG.info("Event subscriber {} is absent; its cursor waits for its return", subscriber.subscriberId());
        }
    }

    private void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /** Refuses settings that cannot work, with a log line naming the setting, and uses the default instead. */
    static Config checked(Config config) {
        long pollMillis = setting("pollMillis", config.pollMillis(), 10, 60_000, 100);
        int maxAttempts = (int) setting("maxAttempts", config.maxAttempts(), 1, 1000, 5);
        long backoffMillis = setting("backoffMillis", config.backoffMillis(), 1, 3_600_000, 200);
        long backoffMaxMillis = setting("backoffMaxMillis", config.backoffMaxMillis(), backoffMillis, 86_400_000, 60_000);
        int batchSize = (int) setting("batchSize", config.batchSize(), 1, 10_000, 500);
        long grace = setting("lateCommitGraceSeconds", config.lateCommitGraceSeconds(), 0, 86_400, 600);
        int threads = (int) setting("deliveryThreads", config.deliveryThreads(), 1, 64, 4);
        return new Config() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return Config.class; }
            @Override public long pollMillis() { return pollMillis; }
            @Override public int maxAttempts() { return maxAttempts; }
            @Override public long backoffMillis() { return backoffMillis; }
            @Override public long backoffMaxMillis() { return backoffMaxMillis; }
            @Override public int batchSize() { return batchSize; }
            @Override public long lateCommitGraceSeconds() { return grace; }
            @Override public int deliveryThreads() { return threads; }
        };
    }

    private static long setting(String name, long value, long min, long max, long fallback) {
        if (value < min || value > max) {
            LOG.error("etc/{}.cfg: {} = {} is out of range ({} to {}); using {}", PID, name, value, min, max, fallback);
            return fallback;
        }
        return value;
    }

    // ------------------------------------------------------------ the loop

    private void loop() {
        while (running) {
            try {
                sequenceNewEvents();
                for (EventSubscriber subscriber : List.copyOf(subscribers.values())) {
                    schedule(subscriber.subscriberId(), subscriber.topics(), subscriber::handle);
                }
                EventAdmin admin = eventAdmin;
                if (admin != null) {
                    schedule(EVENT_ADMIN_SUBSCRIBER, Set.of("*"), event -> admin.postEvent(toOsgiEvent(event)));
                }
                lastLoopError = "";
            } catch (Throwable e) {
                if (running) {
                    String why = String.valueOf(e);
                    if (!why.equals(lastLoopError)) {
                        LOG.error("Event delivery failed and is retried: {}", why, e);
                    }
                    lastLoopError = why;
                }
            }
            synchronized (wakeUp) {
                try {
                    if (running) {
                        wakeUp.wait(Math.max(10, config.pollMillis()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Hands a subscriber's delivery to a delivery thread unless one is at it already. */
    private void schedule(String subscriberId, Set<String> topics, Handler handler) {
        if (!running || !busy.add(subscriberId)) {
            return;
        }
        try {
            deliveries.execute(() -> {
                try {
                    deliver(subscriberId, topics, handler);
                } catch (Throwable e) {
                    String why = String.valueOf(e);
                    LOG.warn("Delivery to subscriber {} failed and is tried again: {}", subscriberId, why);
                } finally {
                    busy.remove(subscriberId);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            busy.remove(subscriberId);
        }
    }

    /**
     * Gives newly committed events their place. The common path reads only rows above the highest row with a place.
     * Row ids skipped on the way are watched as gaps: on PostgreSQL a transaction may commit its event after a newer
     * one was sequenced (Derby's scan waits for it instead). The newest gaps are read with the new rows in every
     * scan, so a transaction whose first events lie below another's that committed first keeps its events in their
     * order when it commits; every two seconds all gaps are looked at, and a gap is forgotten after the grace period
     * (a rolled-back transaction never fills it).
     */
    private void sequenceNewEvents() throws SQLException {
        if (highestSequencedRow < 0) {
            highestSequencedRow = store.sequencedWatermark();
        }
        note(store.sequenceNewEvents(highestSequencedRow, newestGaps(), config.batchSize()));
        long now = System.currentTimeMillis();
        if (!gaps.isEmpty() && now - lastGapSweep >= 2000) {
            lastGapSweep = now;
            note(store.sequenceNewEvents(gaps.firstKey() - 1, config.batchSize()));
            long expired = now - TimeUnit.SECONDS.toMillis(config.lateCommitGraceSeconds());
            gaps.values().removeIf(firstSeen -> firstSeen < expired);
        }
    }

    /** Row ids of the newest gaps, the ones open transactions hold; at most {@value #GAPS_PER_SCAN}. */
    private List<Long> newestGaps() {
        List<Long> newest = new ArrayList<>();
        for (Long row : gaps.descendingKeySet()) {
            if (newest.size() == GAPS_PER_SCAN) {
                break;
            }
            newest.add(row);
        }
        return newest;
    }

    private void note(List<Long> rows) {
        long now = System.currentTimeMillis();
        for (long row : rows) {
            if (row > highestSequencedRow) {
                long skipped = row - highestSequencedRow - 1;
                if (skipped > 10_000) {
                    LOG.warn("Event row ids jumped from {} to {}; the ids between are not watched for late commits",
                            highestSequencedRow, row);
                } else {
                    for (long id = highestSequencedRow + 1; id < row; id++) {
                        gaps.putIfAbsent(id, now);
                    }
                }
                highestSequencedRow = row;
            } else {
                gaps.remove(row);
            }
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(DomainEvent event) throws Exception;
    }

    /** Delivers the events after a subscriber's cursor until it is caught up, fails or the batch ends. */
    private void deliver(String subscriberId, Set<String> topics, Handler handler) throws SQLException {
        Cursor cursor = store.cursor(subscriberId);
        if (cursor.nextAttemptAt() != null && cursor.nextAttemptAt().isAfter(Instant.now())) {
            return;
        }
        List<TopicPattern> patterns = patterns(subscriberId, topics);
        List<StoredEvent> events = store.after(cursor.position(), null, config.batchSize());
        long position = cursor.position();
        for (StoredEvent stored : events) {
            if (!running) {
                break;
            }
            if (patterns.stream().noneMatch(p -> p.matches(stored.event().type()))) {
                position = stored.sequence();
                continue;
            }
            try {
                if (!subscribers.containsKey(subscriberId) && !EVENT_ADMIN_SUBSCRIBER.equals(subscriberId)) {
                    break; // the subscriber went away meanwhile: its cursor waits for its return
                }
                handler.handle(stored.event());
                position = stored.sequence();
                if (cursor.failures() > 0) {
                    LOG.info("Subscriber {} handled event {} ({}) after {} failed attempt(s)", subscriberId,
                            stored.event().id(), stored.event().type(), cursor.failures());
                }
                cursor = new Cursor(subscriberId, position, 0, "", null);
                store.save(cursor, null);
            } catch (Exception | LinkageError e) {
                int failures = cursor.failures() + 1;
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (e instanceof UndeliverableEvent) {
                    LOG.error("Subscriber {} cannot handle event {} ({}, sequence {}) as it is; it is dead-lettered at"
                            + " once (tessera:dead-letters, tessera:replay once fixed): {}", subscriberId,
                            stored.event().id(), stored.event().type(), stored.sequence(), e.getMessage());
                    position = stored.sequence();
                    cursor = new Cursor(subscriberId, position, 0, "", null);
                    store.save(cursor, new EventStore.DeadLetterDraft(stored.sequence(), failures, error));
                    continue;
                }
                if (failures >= config.maxAttempts()) {
                    LOG.error("Subscriber {} failed on event {} ({}, sequence {}) {} times; it is dead-lettered and the"
                            + " subscriber moves on (tessera:dead-letters, tessera:replay): {}", subscriberId,
                            stored.event().id(), stored.event().type(), stored.sequence(), failures, error, e);
                    position = stored.sequence();
                    cursor = new Cursor(subscriberId, position, 0, "", null);
                    store.save(cursor, new EventStore.DeadLetterDraft(stored.sequence(), failures, error));
                    continue;
                }
                long wait = Math.min(config.backoffMaxMillis(), config.backoffMillis() * (1L << Math.min(20, failures - 1)));
                LOG.warn("Subscriber {} failed on event {} ({}, sequence {}), attempt {} of {}; retrying in {} ms: {}",
                        subscriberId, stored.event().id(), stored.event().type(), stored.sequence(), failures,
                        config.maxAttempts(), wait, error);
                store.save(new Cursor(subscriberId, position, failures, error, Instant.now().plusMillis(wait)), null);
                return;
            }
        }
        if (position != cursor.position()) {
            store.save(new Cursor(subscriberId, position, 0, "", null), null);
        }
    }

    private static List<TopicPattern> patterns(String subscriberId, Set<String> topics) {
        List<TopicPattern> result = new ArrayList<>();
        for (String topic : topics) {
            try {
                result.add(new TopicPattern(topic));
            } catch (IllegalArgumentException e) {
                LOG.error("Subscriber {} has an invalid topic, ignored: {}", subscriberId, e.getMessage());
            }
        }
        return result;
    }

    private static Event toOsgiEvent(DomainEvent event) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", event.id().toString());
        properties.put("type", event.type());
        properties.put("recordId", event.recordId());
        properties.put("recordVersion", event.recordVersion());
        properties.put("occurredAt", event.occurredAt().toString());
        properties.put("actor", event.actor());
        properties.put("payload", event.payload());
        properties.put("event", event);
        return new Event(event.topic(), properties);
    }

    // ------------------------------------------------------------ EventLog

    @Override
    public List<StoredEvent> events(long afterSequence, String typePattern, int limit) {
        return read(() -> store.after(Math.max(0, afterSequence), pattern(typePattern), limit(limit)));
    }

    @Override
    public List<StoredEvent> latest(String typePattern, int limit) {
        return read(() -> store.latest(pattern(typePattern), limit(limit)));
    }

    @Override
    public List<StoredEvent> history(String recordType, String recordId) {
        return read(() -> store.history(recordType, recordId));
    }

    @Override
    public List<SubscriberStatus> subscribers() {
        return read(() -> {
            long last = store.lastSequence();
            Map<String, SubscriberStatus> result = new java.util.TreeMap<>();
            for (Cursor c : store.cursors()) {
                boolean present = subscribers.containsKey(c.subscriberId())
                        || EVENT_ADMIN_SUBSCRIBER.equals(c.subscriberId()) && eventAdmin != null;
                result.put(c.subscriberId(), new SubscriberStatus(c.subscriberId(), present, c.position(),
                        Math.max(0, last - c.position()), c.failures(), c.lastError(), c.nextAttemptAt()));
            }
            for (String id : subscribers.keySet()) {
                result.putIfAbsent(id, new SubscriberStatus(id, true, 0, last, 0, "", null));
            }
            return new ArrayList<>(result.values());
        });
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return read(() -> store.deadLetters(0, Integer.MAX_VALUE));
    }

    @Override
    public List<DeadLetter> deadLetters(long afterId, int limit) {
        return read(() -> store.deadLetters(afterId, limit));
    }

    @Override
    public boolean replay(long deadLetterId) {
        DeadLetter letter = read(() -> store.deadLetter(deadLetterId)).orElseThrow(() -> new TesseraException(
                PlatformErrors.DEAD_LETTER_NOT_FOUND, "No dead letter " + deadLetterId + " (see tessera:dead-letters)"));
        EventSubscriber subscriber = subscribers.get(letter.subscriberId());
        if (subscriber == null) {
            throw new TesseraException(PlatformErrors.SUBSCRIBER_ABSENT, "Subscriber " + letter.subscriberId()
                    + " is not present, so dead letter " + deadLetterId + " cannot be replayed now; enable its module first");
        }
        DomainEvent event = letter.event().event();
        try {
            subscriber.handle(event);
            read(() -> {
                store.deleteDeadLetter(deadLetterId);
                return null;
            });
            LOG.info("Dead letter {} replayed: subscriber {} handled event {} ({})", deadLetterId, letter.subscriberId(),
                    event.id(), event.type());
            return true;
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            read(() -> {
                store.updateDeadLetter(deadLetterId, letter.attempts() + 1, error);
                return null;
            });
            LOG.warn("Replay of dead letter {} failed again: subscriber {} on event {} ({}): {}", deadLetterId,
                    letter.subscriberId(), event.id(), event.type(), error);
            return false;
        }
    }

    @Override
    public int replayAll() {
        int handled = 0;
        for (DeadLetter letter : deadLetters()) {
            if (subscribers.containsKey(letter.subscriberId()) && replay(letter.id())) {
                handled++;
            }
        }
        return handled;
    }

    // ------------------------------------------------------------ HealthCheck

    @Override
    public String name() {
        return "events";
    }

    @Override
    public HealthStatus check() {
        try {
            List<String> problems = new ArrayList<>();
            if (!lastLoopError.isEmpty()) {
                problems.add("delivery is failing: " + lastLoopError);
            }
            long deadLetters = store.count("TSR_DEAD_LETTER");
            if (deadLetters > 0) {
                problems.add(deadLetters + " dead letter(s) (tessera:dead-letters, tessera:replay)");
            }
            List<SubscriberStatus> all = subscribers();
            for (SubscriberStatus s : all) {
                if (s.failures() > 0) {
                    problems.add("subscriber " + s.subscriberId() + " is retrying after " + s.failures() + " failure(s): "
                            + s.lastError());
                }
            }
            if (!problems.isEmpty()) {
                return HealthStatus.down(String.join("; ", problems));
            }
            long present = all.stream().filter(SubscriberStatus::present).count();
            long behind = all.stream().filter(SubscriberStatus::present).mapToLong(SubscriberStatus::behind).sum();
            return HealthStatus.up(store.lastSequence() + " events, " + present + " subscriber(s) present, "
                    + (behind == 0 ? "all caught up" : behind + " deliveries pending"));
        } catch (RuntimeException | SQLException e) {
            return HealthStatus.down("cannot read the event tables: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Read<T> {
        T get() throws SQLException;
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw new TesseraException(PlatformErrors.PERSISTENCE_FAILED, "Cannot read the event tables: " + e.getMessage(), e);
        }
    }

    private static TopicPattern pattern(String typePattern) {
        if (typePattern == null || typePattern.isBlank() || "*".equals(typePattern.trim())) {
            return null;
        }
        try {
            return new TopicPattern(typePattern.trim());
        } catch (IllegalArgumentException e) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, e.getMessage());
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "Limit " + limit + " is out of range: give 1 to 10000");
        }
        return limit;
    }
}
