package dev.tessera.platform.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.persistence.internal.TransactionsImpl;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The webhook SQL against an in-memory Derby migrated by the production changelog. */
class WebhookStoreTest {
    private static int databases;

    /** Remembers processed events in memory, as the kernel's inbox does in its table. */
    private final EventInbox inbox = new EventInbox() {
        private final Set<String> seen = new HashSet<>();

        @Override
        public boolean firstDelivery(Connection transaction, String subscriberId, DomainEvent event) {
            return seen.add(subscriberId + event.id());
        }
    };

    private WebhookStore store;

    @BeforeEach
    void migrate() throws Exception {
        java.util.logging.Logger.getLogger("liquibase").setLevel(java.util.logging.Level.WARNING);
        System.setProperty("derby.stream.error.file", "target/derby.log");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:webhooks-" + (++databases));
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            database.setDatabaseChangeLogTableName("TSRPLATFORMWEBHOOKSSCHEMALOG");
            database.setDatabaseChangeLogLockTableName("TSRPLATFORMWEBHOOKSSCHEMALOCK");
            new Liquibase("db/webhooks-changelog.xml", new ClassLoaderResourceAccessor(getClass().getClassLoader()),
                    database).update("");
        }
        store = new WebhookStore(null, new TransactionsImpl(ds));
    }

    @Test
    void anEventIsQueuedOnceForEachWebhookWhosePatternMatches() throws Exception {
        Webhook sales = store.create("http://127.0.0.1:1/a", List.of("sales.*"), "secret-secret-secret", null, "admin");
        Webhook all = store.create("http://127.0.0.1:1/b", List.of("*"), "secret-secret-secret", null, "admin");
        Webhook ledger = store.create("http://127.0.0.1:1/c", List.of("ledger.entry.posted"), "secret-secret-secret", null, "admin");
        DomainEvent invoice = event("sales.invoice.issued");

        assertEquals(2, store.fanOut(invoice, "{}", inbox, "platform-webhooks"));
        assertEquals(0, store.fanOut(invoice, "{}", inbox, "platform-webhooks"), "a redelivered event is not queued twice");
        assertEquals(1, store.deliveries(sales.id(), Long.MAX_VALUE, 10, null).size());
        assertEquals(1, store.deliveries(all.id(), Long.MAX_VALUE, 10, null).size());
        assertEquals(0, store.deliveries(ledger.id(), Long.MAX_VALUE, 10, null).size());
    }

    @Test
    void onlyTheOldestPendingDeliveryOfAWebhookIsDueSoItsEventsGoOutInOrder() throws Exception {
        Webhook hook = store.create("http://127.0.0.1:1/a", List.of("*"), "secret-secret-secret", null, "admin");
        DomainEvent first = event("sales.order.placed");
        DomainEvent second = event("sales.order.shipped");
        store.fanOut(first, "{\"n\":1}", inbox, "s");
        store.fanOut(second, "{\"n\":2}", inbox, "s");

        List<WebhookStore.Due> due = store.due(Instant.now().plusSeconds(1), Set.of(), 10);
        assertEquals(1, due.size());
        assertEquals(first.id().toString(), due.get(0).eventId());
        assertTrue(store.due(Instant.now().plusSeconds(1), Set.of(hook.id()), 10).isEmpty(), "a busy webhook waits");

        store.delivered(due.get(0), 200, 5);
        List<WebhookStore.Due> next = store.due(Instant.now().plusSeconds(1), Set.of(), 10);
        assertEquals(second.id().toString(), next.get(0).eventId());
    }

    @Test
    void everyActiveWebhookGetsItsHeadSentHoweverLongAnotherWebhooksQueueIs() throws Exception {
        Webhook busy = store.create("http://127.0.0.1:1/a", List.of("sales.*"), "secret-secret-secret", null, "admin");
        Webhook quiet = store.create("http://127.0.0.1:1/b", List.of("ledger.*"), "secret-secret-secret", null, "admin");
        DomainEvent oldest = event("sales.order.placed");
        store.fanOut(oldest, "{}", inbox, "s");
        for (int i = 0; i < 2000; i++) {
            store.fanOut(event("sales.order.placed"), "{}", inbox, "s");
        }
        DomainEvent ledger = event("ledger.entry.posted");
        store.fanOut(ledger, "{}", inbox, "s");

        List<WebhookStore.Due> due = store.due(Instant.now().plusSeconds(1), Set.of(), 10);
        assertEquals(List.of(oldest.id().toString(), ledger.id().toString()),
                due.stream().map(WebhookStore.Due::eventId).toList());
        Webhook behind = store.find(busy.id()).orElseThrow();
        assertEquals(2001, behind.pendingDeliveries(), "the backlog is visible on the webhook");
        assertTrue(!behind.nextAttemptAt().isAfter(Instant.now()), "and how long its head has been due");
        assertEquals(1, store.find(quiet.id()).orElseThrow().pendingDeliveries());

        store.delivered(due.get(0), 200, 1);
        WebhookStore.Due second = store.nextDue(busy.id(), Instant.now().plusSeconds(1)).orElseThrow();
        assertTrue(second.deliveryId() > due.get(0).deliveryId(), "the next in line follows the delivered one");
        assertTrue(store.nextDue(busy.id(), Instant.now().minusSeconds(3600)).isEmpty(), "not before it is due");

        store.delivered(due.get(1), 200, 1);
        assertTrue(store.nextDue(quiet.id(), Instant.now().plusSeconds(1)).isEmpty(), "an empty queue has no next");
        assertEquals(0, store.find(quiet.id()).orElseThrow().pendingDeliveries());
        assertEquals(null, store.find(quiet.id()).orElseThrow().nextAttemptAt());
    }

    @Test
    void failuresInARowPauseTheWebhookWithItsReasonAndResumingSendsWhatWaited() throws Exception {
        Webhook hook = store.create("http://127.0.0.1:1/a", List.of("*"), "secret-secret-secret", null, "admin");
        store.fanOut(event("sales.order.placed"), "{}", inbox, "s");
        for (int i = 1; i <= 3; i++) {
            WebhookStore.Due due = store.due(Instant.now().plusSeconds(3600), Set.of(), 10).get(0);
            boolean paused = store.failed(due, 401, "Permission problem " + i, 3, Instant.now(), 3, "paused: permission");
            assertEquals(i == 3, paused);
        }
        Webhook paused = store.find(hook.id()).orElseThrow();
        assertEquals(Webhook.PAUSED, paused.state());
        assertEquals("paused: permission", paused.pausedReason());
        assertEquals(3, paused.consecutiveFailures());
        assertTrue(store.due(Instant.now().plusSeconds(3600), Set.of(), 10).isEmpty(), "a paused webhook sends nothing");

        DeliveryDetail detail = store.delivery(hook.id(), store.deliveries(hook.id(), Long.MAX_VALUE, 1, null).get(0).id()).orElseThrow();
        assertEquals(3, detail.attempts().size());
        assertEquals(401, detail.attempts().get(0).status());

        assertTrue(store.resume(hook.id()));
        assertEquals(Webhook.ACTIVE, store.find(hook.id()).orElseThrow().state());
        assertEquals(1, store.due(Instant.now().plusSeconds(1), Set.of(), 10).size());
    }

    @Test
    void aDeliveredDeliveryCanBeReplayedAndDeletingAWebhookRemovesItsLog() throws Exception {
        Webhook hook = store.create("http://127.0.0.1:1/a", List.of("*"), "secret-secret-secret", null, "admin");
        store.fanOut(event("sales.order.placed"), "{}", inbox, "s");
        WebhookStore.Due due = store.due(Instant.now().plusSeconds(1), Set.of(), 10).get(0);
        store.delivered(due, 204, 1);
        assertTrue(store.due(Instant.now().plusSeconds(1), Set.of(), 10).isEmpty());

        assertTrue(store.replay(hook.id(), due.deliveryId()));
        assertFalse(store.replay(hook.id() + 1, due.deliveryId()), "a delivery is replayed only under its own webhook");
        assertEquals(1, store.due(Instant.now().plusSeconds(1), Set.of(), 10).size());

        assertTrue(store.delete(hook.id()));
        assertFalse(store.find(hook.id()).isPresent());
        assertTrue(store.due(Instant.now().plusSeconds(1), Set.of(), 10).isEmpty());
    }

    private static DomainEvent event(String type) {
        return new DomainEvent(UUID.randomUUID(), type, type.split("\\.")[1], "42", 1, 1, Instant.now(), "tester", Map.of(), Map.of());
    }
}
