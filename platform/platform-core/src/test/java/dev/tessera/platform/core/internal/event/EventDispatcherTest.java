package dev.tessera.platform.core.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.DeadLetter;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.event.FieldChange;
import dev.tessera.platform.api.event.StoredEvent;

class EventDispatcherTest {
    private DataSource dataSource;
    private EventDispatcher dispatcher;
    private final EventPublisherImpl publisher = new EventPublisherImpl(null, null, null);

    @BeforeEach
    void start() throws Exception {
        dataSource = TestDatabase.create();
        dispatcher = new EventDispatcher(null, dataSource, config(3, 20));
    }

    @AfterEach
    void stop() throws Exception {
        dispatcher.deactivate();
    }

    @Test
    void aRolledBackTransactionLeavesNoEventAndACommittedOneExactlyOne() throws Exception {
        Recorder recorder = new Recorder("test.all", "*");
        dispatcher.addSubscriber(recorder);
        try (Connection c = transaction()) {
            EventStore.insert(c, event("sales.invoice.issued", "inv-1"));
            c.rollback();
        }
        try (Connection c = transaction()) {
            EventStore.insert(c, event("sales.invoice.issued", "inv-2"));
            c.commit();
        }
        await("the committed event is delivered", () -> recorder.received().size() == 1);
        assertEquals("inv-2", recorder.received().get(0).recordId());
        assertEquals(1, dispatcher.latest(null, 100).size());
    }

    @Test
    void anAbsentSubscriberReceivesEverythingInOrderWhenItReturns() throws Exception {
        Recorder ledger = new Recorder("erp-ledger.postings", "sales.*");
        dispatcher.addSubscriber(ledger);
        publishCommitted(1, "sales.order.created");
        await("the first event", () -> ledger.received().size() == 1);

        dispatcher.removeSubscriber(ledger);
        publishCommitted(1000, "sales.invoice.issued");
        publishCommitted(10, "pipeline.lead.created");

        Recorder back = new Recorder("erp-ledger.postings", "sales.*");
        dispatcher.addSubscriber(back);
        await("1,000 missed events", () -> back.received().size() == 1000);
        for (int i = 0; i < 1000; i++) {
            assertEquals("r" + i, back.received().get(i).recordId(), "event " + i + " in order");
        }
        assertEquals(Map.of("amount", new BigDecimal("12.50")), Map.of("amount", back.received().get(0).payload().get("amount")));
    }

    @Test
    void aHandlerThatFailsTwiceThenSucceedsGetsTheEventOnceMoreAndIsNotDeadLettered() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        dispatcher.addSubscriber(subscriber("flaky", event -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("temporarily down");
            }
            handled.add(event.recordId());
        }));
        publishCommitted(1, "sales.invoice.issued");
        await("handled after two failures", () -> handled.size() == 1);
        assertEquals(3, calls.get());
        assertEquals(List.of(), dispatcher.deadLetters());
        assertTrue(dispatcher.check().up(), dispatcher.check().detail());
    }

    @Test
    void aHandlerThatAlwaysFailsEndsInDeadLettersAndReplayDeliversItOnceFixed() throws Exception {
        boolean[] broken = {true};
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        dispatcher.addSubscriber(subscriber("broken", event -> {
            if (broken[0]) {
                throw new IllegalStateException("no account for " + event.recordId());
            }
            handled.add(event.recordId());
        }));
        publishCommitted(2, "sales.invoice.issued");
        await("both events dead-lettered", () -> dispatcher.deadLetters().size() == 2);
        DeadLetter first = dispatcher.deadLetters().get(0);
        assertEquals("broken", first.subscriberId());
        assertEquals(3, first.attempts());
        assertTrue(first.lastError().contains("no account for r0"), first.lastError());
        assertEquals(List.of(first), dispatcher.deadLetters(0, 1), "a page of one");
        assertEquals(List.of(dispatcher.deadLetters().get(1)), dispatcher.deadLetters(first.id(), 10), "the page after it");
        assertFalse(dispatcher.check().up());
        assertTrue(dispatcher.check().detail().contains("2 dead letter(s)"), dispatcher.check().detail());

        assertFalse(dispatcher.replay(first.id()), "still broken");
        assertEquals(4, dispatcher.deadLetters().get(0).attempts());
        broken[0] = false;
        assertEquals(2, dispatcher.replayAll());
        assertEquals(List.of("r0", "r1"), handled);
        assertEquals(List.of(), dispatcher.deadLetters());
        TesseraException gone = assertThrows(TesseraException.class, () -> dispatcher.replay(first.id()));
        assertEquals("platform.dead-letter-not-found", gone.code());
    }

    @Test
    void theStreamCanBeReadByTypeAndRecord() throws Exception {
        publishCommitted(3, "sales.invoice.issued");
        publishCommitted(2, "pipeline.lead.created");
        await("all sequenced", () -> dispatcher.latest(null, 100).size() == 5);
        List<StoredEvent> invoices = dispatcher.events(0, "sales.invoice.*", 100);
        assertEquals(3, invoices.size());
        assertEquals(2, dispatcher.latest("pipeline.lead.created", 100).size());
        assertEquals(1, dispatcher.history("lead", "r1").size());
        assertEquals(Map.of("status", new FieldChange(null, "new")), dispatcher.history("lead", "r1").get(0).event().changes());
        TesseraException bad = assertThrows(TesseraException.class, () -> dispatcher.events(0, "sales.*.issued", 10));
        assertEquals("platform.invalid-argument", bad.code());
    }

    @Test
    void writersNeverFailOrWaitLongWhileTheDispatcherSequencesAndDelivers() throws Exception {
        Recorder recorder = new Recorder("test.all", "*");
        dispatcher.addSubscriber(recorder);
        int threads = 4;
        int perThread = 500;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        try (Connection c = transaction()) {
                            EventStore.insert(c, event("sales.invoice.issued", thread + "-" + i));
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        await("every event delivered", () -> recorder.received().size() == threads * perThread);
        assertEquals(threads * perThread, new java.util.HashSet<>(recorder.received().stream().map(DomainEvent::id).toList()).size());
    }

    @Test
    void anEventCommittedAfterANewerOneIsStillDelivered() throws Exception {
        Recorder recorder = new Recorder("test.all", "*");
        dispatcher.addSubscriber(recorder);
        Connection slow = transaction();
        EventStore.insert(slow, event("sales.invoice.issued", "late"));
        // on Derby the dispatcher's scan waits for the open transaction, on PostgreSQL it would pass it: both end
        // with the late event delivered after it commits
        Thread committer = new Thread(() -> {
            try {
                publishCommitted(1, "sales.order.created");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        committer.start();
        committer.join(30_000);
        slow.commit();
        slow.close();
        await("both events", () -> recorder.received().size() == 2);
        assertTrue(recorder.received().stream().anyMatch(e -> e.recordId().equals("late")));
    }

    @Test
    void theInboxLetsAHandlerIgnoreARepeatedDeliveryAndForgetsARolledBackMark() throws Exception {
        DomainEvent event = event("sales.invoice.issued", "inv-9");
        try (Connection c = transaction()) {
            assertTrue(publisher.firstDelivery(c, "erp-ledger.postings", event));
            c.rollback();
        }
        try (Connection c = transaction()) {
            assertTrue(publisher.firstDelivery(c, "erp-ledger.postings", event), "the rolled-back mark does not count");
            c.commit();
        }
        try (Connection c = transaction()) {
            assertFalse(publisher.firstDelivery(c, "erp-ledger.postings", event), "second delivery");
            assertTrue(publisher.firstDelivery(c, "crm-pipeline.write-backs", event), "each subscriber has its own marks");
            c.commit();
        }
    }

    @Test
    void publishingOutsideATransactionIsRefused() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> publisher.publish(c, event("sales.invoice.issued", "x")));
            assertTrue(e.getMessage().contains("inside the business transaction"), e.getMessage());
        }
    }

    @Test
    void settingsThatCannotWorkFallBackToTheDefaults() {
        EventDispatcher.Config checked = EventDispatcher.checked(config(0, -5));
        assertEquals(5, checked.maxAttempts());
        assertEquals(200, checked.backoffMillis());
        assertEquals(20, checked.pollMillis());
    }

    // ---------------------------------------------------------------- helpers

    private Connection transaction() throws Exception {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private void publishCommitted(int count, String type) throws Exception {
        try (Connection c = transaction()) {
            for (int i = 0; i < count; i++) {
                EventStore.insert(c, event(type, "r" + i));
            }
            c.commit();
        }
    }

    private static DomainEvent event(String type, String recordId) {
        return new DomainEvent(UUID.randomUUID(), type, type.split("\\.")[1], recordId, 1, 1, Instant.now(), "tester",
                Map.of("amount", new BigDecimal("12.50")), Map.of("status", new FieldChange(null, "new")));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            synchronized (EventDispatcherTest.class) {
                EventDispatcherTest.class.wait(20);
            }
        }
    }

    interface Handler {
        void handle(DomainEvent event) throws Exception;
    }

    private static EventSubscriber subscriber(String id, Handler handler) {
        return new EventSubscriber() {
            @Override public String subscriberId() { return id; }
            @Override public Set<String> topics() { return Set.of("*"); }
            @Override public void handle(DomainEvent event) throws Exception { handler.handle(event); }
        };
    }

    private static final class Recorder implements EventSubscriber {
        private final String id;
        private final String topic;
        private final List<DomainEvent> received = Collections.synchronizedList(new ArrayList<>());

        Recorder(String id, String topic) {
            this.id = id;
            this.topic = topic;
        }

        List<DomainEvent> received() {
            synchronized (received) {
                return new ArrayList<>(received);
            }
        }

        @Override public String subscriberId() { return id; }
        @Override public Set<String> topics() { return Set.of(topic); }
        @Override public void handle(DomainEvent event) { received.add(event); }
    }

    private static EventDispatcher.Config config(int maxAttempts, long backoffMillis) {
        return new EventDispatcher.Config() {
            @Override public Class<? extends Annotation> annotationType() { return EventDispatcher.Config.class; }
            @Override public long pollMillis() { return 20; }
            @Override public int maxAttempts() { return maxAttempts; }
            @Override public long backoffMillis() { return backoffMillis; }
            @Override public long backoffMaxMillis() { return 1000; }
            @Override public int batchSize() { return 500; }
            @Override public long lateCommitGraceSeconds() { return 600; }
            @Override public int deliveryThreads() { return 2; }
        };
    }
}
