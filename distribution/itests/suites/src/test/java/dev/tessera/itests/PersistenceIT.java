package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import dev.tessera.platform.api.HealthService;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.event.EventLog;
import dev.tessera.platform.api.event.StoredEvent;
import dev.tessera.platform.api.persistence.MigrationStatus;
import dev.tessera.platform.api.persistence.SchemaMigrations;

/**
 * A module on the tessera DataSource: its schema is migrated before it starts, its writes and their events
 * are one transaction, and a durable subscriber gets every event once, in order, across its own absence and failures.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PersistenceIT extends TesseraTestSupport {
    private static final String NOTES = "dev.tessera.itest.notes.api.NoteService";
    private static final String LISTENER = "dev.tessera.itest.notes.api.NoteListener";

    @Inject
    private FeaturesService features;

    @Inject
    private ModuleManager modules;

    @Inject
    private EventLog events;

    @Inject
    private SchemaMigrations migrations;

    @Inject
    private HealthService health;

    @Before
    public void notesEnabled() throws Exception {
        addTestModules(features);
        if (!modules.module("itest-notes").orElseThrow().enabled()) {
            modules.enable(List.of("itest-notes"));
        }
    }

    @Test
    public void theModuleSchemaIsMigratedBeforeTheModuleStarts() {
        MigrationStatus notes = migrations.status().stream().filter(s -> s.moduleId().equals("itest-notes")).findFirst()
                .orElseThrow(() -> new AssertionError("no migration status for itest-notes: " + migrations.status()));
        assertEquals("the newest version of the module, with both change sets", "002-body-and-author", notes.appliedVersion());
        assertFalse(notes.failed());
        String table = executeCommand("tessera:migrations");
        assertTrue(table, table.contains("itest-notes") && table.contains("002-body-and-author") && table.contains("platform"));
        String healthOutput = executeCommand("tessera:health");
        assertTrue(healthOutput, healthOutput.contains("datasource") && healthOutput.contains(expectedDatabase()));
        assertTrue(healthOutput, healthOutput.contains("migrations"));
    }

    @Test
    public void aCommittedWriteHasExactlyOneEventAndARolledBackOneNone() {
        long id = (Long) callService(NOTES, "create", "kept note");
        await("the note's event is in the stream", Duration.ofSeconds(10),
                () -> events.history("note", Long.toString(id)).size() == 1);
        StoredEvent event = events.history("note", Long.toString(id)).get(0);
        assertEquals("notes.note.created", event.event().type());
        assertEquals("kept note", event.event().payload().get("text"));

        long before = events.latest(null, 1).get(0).sequence();
        try {
            callService(NOTES, "createAndFail", "refused note");
            fail("the write should have been refused");
        } catch (IllegalStateException expected) {
            assertTrue(String.valueOf(expected.getCause()), expected.getCause().getMessage().contains("refused the note"));
        }
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) callService(NOTES, "texts");
        assertTrue(texts.contains("kept note"));
        assertFalse("the refused note was rolled back", texts.contains("refused note"));
        // a later commit proves the dispatcher has looked past the rolled-back transaction
        long marker = (Long) callService(NOTES, "create", "marker");
        await("the marker event", Duration.ofSeconds(10), () -> events.history("note", Long.toString(marker)).size() == 1);
        List<StoredEvent> after = events.events(before, null, 100);
        assertEquals("only the marker's event was committed after the refused write", 1, after.size());
        assertEquals(Long.toString(marker), after.get(0).event().recordId());
        assertEquals("the number taken by the refused write was given back", 1L, callService(NOTES, "nextNumber", "NOTE-FAIL"));
    }

    @Test
    public void anAbsentSubscriberGetsEveryMissedEventOnceAndInOrderWhenItReturns() {
        enable("itest-listener");
        long first = (Long) callService(NOTES, "create", "seen live");
        await("the listener sees the live event", Duration.ofSeconds(10),
                () -> received().contains(Long.toString(first)));

        modules.disable(List.of("itest-listener"));
        List<String> missed = new ArrayList<>();
        long start = System.nanoTime();
        callService(NOTES, "createMany", "missed-", 1000);
        long writeMillis = (System.nanoTime() - start) / 1_000_000;
        long firstSequence = events.history("note", Long.toString(first)).get(0).sequence();
        await("the 1,000 events are in the stream", Duration.ofSeconds(30),
                () -> events.events(firstSequence, "notes.*", 2000).size() == 1000);
        for (StoredEvent e : events.events(firstSequence, "notes.*", 2000)) {
            missed.add(e.event().recordId());
        }

        start = System.nanoTime();
        enable("itest-listener");
        await("the returning listener catches up on 1,000 events", Duration.ofSeconds(120),
                () -> received().size() >= 1000);
        long catchUpMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("every missed event, once, in commit order (a fresh listener bundle remembers only these)",
                missed, received());
        System.out.printf("MEASURE 1,000 notes with their events written in %d ms; a returning subscriber caught up in %d ms%n",
                writeMillis, catchUpMillis);
        modules.disable(List.of("itest-listener"));
    }

    /**
     * A transaction writes an event, another commits one meanwhile, then the first writes its second event and
     * commits. On PostgreSQL the newer transaction's event gets its place first, below it the older one's first row
     * waits as a gap; when the older one commits, both its events get places together, in the order it wrote them.
     */
    @Test
    @SuppressWarnings("unchecked")
    public void theEventsOfOneTransactionKeepTheirOrderWhenAnotherCommitsBetweenThem() throws Exception {
        long[] between = {-1};
        List<Long> around = (List<Long>) callService(NOTES, "createTwoAround", "around", (Runnable) () -> {
            Thread other = new Thread(() -> between[0] = (Long) callService(NOTES, "create", "between"));
            other.start();
            try {
                other.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertTrue("the other transaction committed", between[0] > 0);
            if (expectedDatabase().equals("PostgreSQL")) {
                // Derby's scan waits for the open transaction instead of passing it
                await("the newer transaction's event has its place", Duration.ofSeconds(10),
                        () -> events.history("note", Long.toString(between[0])).size() == 1);
            }
        });
        await("all three events have their places", Duration.ofSeconds(10), () -> around.stream()
                .allMatch(id -> events.history("note", Long.toString(id)).size() == 1));
        long first = events.history("note", Long.toString(around.get(0))).get(0).sequence();
        long second = events.history("note", Long.toString(around.get(1))).get(0).sequence();
        assertTrue("the two events of one transaction keep their order: " + first + ", " + second, first < second);
        if (expectedDatabase().equals("PostgreSQL")) {
            long other = events.history("note", Long.toString(between[0])).get(0).sequence();
            assertTrue("the event committed first comes first: " + other + " before " + first, other < first);
        }
    }

    @Test
    public void aFailingSubscriberIsRetriedThenDeadLetteredThenReplayed() {
        enable("itest-listener");
        callService(LISTENER, "failNext", 2);
        long retried = (Long) callService(NOTES, "create", "retried");
        await("handled after two failures", Duration.ofSeconds(30), () -> received().contains(Long.toString(retried)));
        assertEquals(List.of(), events.deadLetters());

        callService(LISTENER, "failNext", -1);
        long doomed = (Long) callService(NOTES, "create", "dead-lettered");
        await("dead-lettered after its retries", Duration.ofSeconds(60), () -> events.deadLetters().size() == 1);
        assertEquals(Long.toString(doomed), events.deadLetters().get(0).event().event().recordId());
        assertFalse("dead letters make the platform unhealthy", health.report().up());
        String letters = executeCommand("tessera:dead-letters");
        assertTrue(letters, letters.contains("itest-listener.notes") && letters.contains("failing on purpose"));
        assertFalse(received().contains(Long.toString(doomed)));

        callService(LISTENER, "failNext", 0);
        String replay = executeCommand("tessera:replay --all");
        assertTrue(replay, replay.contains("Replayed 1 of 1"));
        assertTrue(received().contains(Long.toString(doomed)));
        assertEquals(List.of(), events.deadLetters());
        await("healthy again", Duration.ofSeconds(10), () -> health.report().up());
        modules.disable(List.of("itest-listener"));
    }

    @Test
    public void eventsReachEventAdminAsTesseraTopics() {
        List<String> topics = Collections.synchronizedList(new ArrayList<>());
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "tessera/notes/*");
        ServiceRegistration<EventHandler> registration = bundleContext.registerService(EventHandler.class,
                event -> topics.add(event.getTopic() + " " + event.getProperty("recordId")), properties);
        try {
            long id = (Long) callService(NOTES, "create", "for event admin");
            await("EventAdmin delivers the event", Duration.ofSeconds(10),
                    () -> topics.contains("tessera/notes/note/created " + id));
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void numbersTakenConcurrentlyInModuleTransactionsAreContiguous() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        mine.add((Long) callService(NOTES, "nextNumber", "NOTE-TEST"));
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            Collections.sort(all);
            for (int i = 0; i < 400; i++) {
                assertEquals(i + 1, all.get(i).longValue());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void theConsoleShowsTheStreamSubscribersAndARecordsHistory() {
        long id = (Long) callService(NOTES, "create", "audited");
        await("the event", Duration.ofSeconds(10), () -> events.history("note", Long.toString(id)).size() == 1);
        String stream = executeCommand("tessera:events --type notes.* --limit 5");
        assertTrue(stream, stream.contains("notes.note.created") && stream.contains(Long.toString(id)));
        String audit = executeCommand("tessera:audit note " + id);
        assertTrue(audit, audit.contains("itest") && audit.contains("text: null -> audited"));
        String subscribers = executeCommand("tessera:subscribers");
        assertTrue(subscribers, subscribers.contains("platform.eventadmin"));
        String bad = executeFailingCommand("tessera:events --type notes.*.created");
        assertTrue(bad, bad.contains("is not valid") && bad.contains("[platform.invalid-argument]"));
    }

    @Test
    public void aFailingMigrationKeepsTheModuleOutAndSaysWhyWhileTheRestRuns() {
        String refusal = executeFailingCommand("tessera:enable itest-badschema");
        assertTrue(refusal, refusal.contains("module 'itest-badschema' its schema migration failed"));
        assertTrue(refusal, refusal.contains("NO_SUCH_COLUMN") && refusal.contains("[platform.module-failed]"));
        MigrationStatus status = migrations.status().stream().filter(s -> s.moduleId().equals("itest-badschema"))
                .findFirst().orElseThrow();
        assertEquals("the first change set stays applied, the failed one is not", "001-ok", status.appliedVersion());
        assertEquals(1, status.pending());
        String table = executeCommand("tessera:migrations");
        assertTrue(table, table.contains("itest-badschema") && table.contains("NO_SUCH_COLUMN"));
        assertFalse(modules.module("itest-badschema").orElseThrow().enabled());
        assertTrue("the rest of the platform keeps running: " + health.report(), health.report().up());
    }

    @Test
    public void enablingAModuleWithTablesStartsAndStopsOnlyItsOwnBundles() {
        modules.disable(List.of("itest-notes"));
        List<String> outside = recordBundleEventsOutside("dev.tessera.itest.notes.", () -> {
            modules.enable(List.of("itest-notes"));
            modules.disable(List.of("itest-notes"));
            modules.enable(List.of("itest-notes"));
        });
        assertEquals("bundle events outside the notes module: the persistence stack is not refreshed", List.of(), outside);
        callService(NOTES, "create", "after toggling");
    }

    /** The database product the datasource health check names. */
    protected String expectedDatabase() {
        return "Apache Derby";
    }

    private void enable(String id) {
        if (!modules.module(id).orElseThrow().enabled()) {
            modules.enable(List.of(id));
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> received() {
        return (List<String>) callService(LISTENER, "received");
    }
}
