package dev.tessera.platform.webhooks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.TopicPattern;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * The webhook tables: subscriptions, the delivery queue and log, attempts. Each method is one transaction, or part of
 * the caller's (a webhook created over REST with an Idempotency-Key commits with the key's outcome).
 */
@Component(service = WebhookStore.class)
public final class WebhookStore {
    private static final String WEBHOOK_COLUMNS = "w.ID, w.TARGET_URL, w.EVENT_TYPES, w.DESCRIPTION, w.STATE,"
            + " w.PAUSED_REASON, w.PAUSED_AT, w.CONSECUTIVE_FAILURES, w.LAST_ERROR, w.CREATED_BY, w.CREATED_AT,"
            + " (SELECT COUNT(*) FROM TSR_WEBHOOK_DELIVERY q WHERE q.WEBHOOK_ID = w.ID AND q.STATE = 'PENDING'),"
            + " (SELECT MIN(q.NEXT_ATTEMPT_AT) FROM TSR_WEBHOOK_DELIVERY q WHERE q.WEBHOOK_ID = w.ID AND q.STATE = 'PENDING')";
    private static final String DELIVERY_COLUMNS = "ID, WEBHOOK_ID, EVENT_ID, EVENT_TYPE, STATE, ATTEMPTS, LAST_STATUS,"
            + " LAST_ERROR, CREATED_AT, NEXT_ATTEMPT_AT, DELIVERED_AT";

    /** A delivery due now, with what sending it needs. */
    record Due(long deliveryId, long webhookId, String url, String secret, String eventId, String eventType,
               int schemaVersion, String payload, int attempts) {
    }

    private final Transactions transactions;

    @Activate
    public WebhookStore(@Reference(target = "(tessera.module=platform-webhooks)") ModuleSchema schema,
                        @Reference Transactions transactions) {
        this.transactions = transactions;
    }

    Webhook create(String url, List<String> events, String secret, String description, String createdBy) {
        return tx(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO TSR_WEBHOOK (TARGET_URL, SECRET, EVENT_TYPES,"
                    + " DESCRIPTION, CREATED_BY, CREATED_AT, STATE, CONSECUTIVE_FAILURES) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, url);
                s.setString(2, secret);
                s.setString(3, String.join(",", events));
                s.setString(4, description);
                s.setString(5, createdBy);
                s.setTimestamp(6, Timestamp.from(Instant.now()));
                s.setString(7, Webhook.ACTIVE);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return find(c, keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    Optional<Webhook> find(long id) {
        return tx(c -> find(c, id));
    }

    /** Up to {@code limit} webhooks with ids above {@code afterId}, by id. */
    List<Webhook> after(long afterId, int limit) {
        return tx(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + WEBHOOK_COLUMNS + " FROM TSR_WEBHOOK w WHERE w.ID > ?"
                    + " ORDER BY w.ID")) {
                s.setLong(1, afterId);
                s.setMaxRows(limit);
                List<Webhook> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(webhook(r));
                    }
                }
                return result;
            }
        });
    }

    /** Removes the webhook with its queue and log; false when there is no such webhook. */
    boolean delete(long id) {
        return tx(c -> {
            update(c, "DELETE FROM TSR_WEBHOOK_ATTEMPT WHERE DELIVERY_ID IN (SELECT ID FROM TSR_WEBHOOK_DELIVERY"
                    + " WHERE WEBHOOK_ID = ?)", id);
            update(c, "DELETE FROM TSR_WEBHOOK_DELIVERY WHERE WEBHOOK_ID = ?", id);
            return update(c, "DELETE FROM TSR_WEBHOOK WHERE ID = ?", id) == 1;
        });
    }

    /** Activates a paused webhook: its failure count restarts and what waited in its queue is sent now. */
    boolean resume(long id) {
        return tx(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE TSR_WEBHOOK SET STATE = ?, PAUSED_AT = NULL,"
                    + " PAUSED_REASON = NULL, CONSECUTIVE_FAILURES = 0 WHERE ID = ?")) {
                s.setString(1, Webhook.ACTIVE);
                s.setLong(2, id);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE TSR_WEBHOOK_DELIVERY SET NEXT_ATTEMPT_AT = ?"
                    + " WHERE WEBHOOK_ID = ? AND STATE = ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setLong(2, id);
                s.setString(3, Delivery.PENDING);
                s.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Queues the event for every webhook subscribed to its type that existed when it occurred (paused ones too, so
     * that nothing is lost while a receiver is away), in one transaction with the inbox mark; returns how many.
     */
    int fanOut(DomainEvent event, String payload, EventInbox inbox, String subscriberId) {
        return tx(c -> {
            if (!inbox.firstDelivery(c, subscriberId, event)) {
                return 0; // queued before
            }
            List<Long> targets = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT ID, EVENT_TYPES FROM TSR_WEBHOOK WHERE CREATED_AT <= ?")) {
                s.setTimestamp(1, Timestamp.from(event.occurredAt()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (patterns(r.getString(2)).stream().anyMatch(p -> p.matches(event.type()))) {
                            targets.add(r.getLong(1));
                        }
                    }
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO TSR_WEBHOOK_DELIVERY (WEBHOOK_ID, EVENT_ID,"
                    + " EVENT_TYPE, SCHEMA_VERSION, PAYLOAD, STATE, ATTEMPTS, NEXT_ATTEMPT_AT, CREATED_AT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
                for (long webhook : targets) {
                    s.setLong(1, webhook);
                    s.setString(2, event.id().toString());
                    s.setString(3, event.type());
                    s.setInt(4, event.schemaVersion());
                    s.setString(5, payload);
                    s.setString(6, Delivery.PENDING);
                    s.setTimestamp(7, now);
                    s.setTimestamp(8, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return targets.size();
        });
    }

    /**
     * The deliveries to send now: the oldest pending one of each active webhook (a webhook's events go out in order,
     * one at a time), when its next attempt is due, leaving out the webhooks in {@code busy}. Each webhook's head is
     * one index lookup, so a queue of any length costs the same to check.
     */
    List<Due> due(Instant now, Set<Long> busy, int max) {
        return tx(c -> {
            List<Long> active = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT ID FROM TSR_WEBHOOK WHERE STATE = ? ORDER BY ID")) {
                s.setString(1, Webhook.ACTIVE);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        active.add(r.getLong(1));
                    }
                }
            }
            List<Due> result = new ArrayList<>();
            for (long webhook : active) {
                if (result.size() >= max) {
                    break;
                }
                if (busy.contains(webhook)) {
                    continue;
                }
                Optional<Head> head = head(c, webhook);
                if (head.isPresent() && !head.get().nextAttempt().isAfter(now)) {
                    load(c, head.get().deliveryId()).ifPresent(result::add);
                }
            }
            return result;
        });
    }

    /** The oldest pending delivery of a webhook and when it is to be tried. */
    private record Head(long deliveryId, Instant nextAttempt) {
    }

    /**
     * MIN over the queue index reads one entry; "ORDER BY ID FETCH FIRST 1 ROWS ONLY" made Derby sort every pending
     * delivery of the webhook each time (50 ms at 3,000 pending, and growing with the backlog).
     */
    private static Optional<Head> head(Connection c, long webhook) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("SELECT MIN(ID) FROM TSR_WEBHOOK_DELIVERY WHERE WEBHOOK_ID = ?"
                + " AND STATE = ?")) {
            s.setLong(1, webhook);
            s.setString(2, Delivery.PENDING);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                id = r.getLong(1);
                if (r.wasNull()) {
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT NEXT_ATTEMPT_AT FROM TSR_WEBHOOK_DELIVERY WHERE ID = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Timestamp next = r.getTimestamp(1);
                return Optional.of(new Head(id, next == null ? Instant.EPOCH : next.toInstant()));
            }
        }
    }

    /** The head of one webhook's queue when it is due now and the webhook is active: what to send next. */
    Optional<Due> nextDue(long webhook, Instant now) {
        return tx(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT STATE FROM TSR_WEBHOOK WHERE ID = ?")) {
                s.setLong(1, webhook);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || !Webhook.ACTIVE.equals(r.getString(1))) {
                        return Optional.<Due>empty();
                    }
                }
            }
            Optional<Head> head = head(c, webhook);
            if (head.isEmpty() || head.get().nextAttempt().isAfter(now)) {
                return Optional.<Due>empty();
            }
            return load(c, head.get().deliveryId());
        });
    }

    private static Optional<Due> load(Connection c, long deliveryId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT d.ID, d.WEBHOOK_ID, w.TARGET_URL, w.SECRET, d.EVENT_ID,"
                + " d.EVENT_TYPE, d.PAYLOAD, d.ATTEMPTS, d.SCHEMA_VERSION FROM TSR_WEBHOOK_DELIVERY d"
                + " JOIN TSR_WEBHOOK w ON w.ID = d.WEBHOOK_ID WHERE d.ID = ?")) {
            s.setLong(1, deliveryId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Due(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getInt(9), r.getString(7), r.getInt(8)));
            }
        }
    }

    /** The receiver took it: delivered, and the webhook's failure count restarts. */
    void delivered(Due due, int status, long millis) {
        tx(c -> {
            attempt(c, due.deliveryId(), status, millis, null);
            try (PreparedStatement s = c.prepareStatement("UPDATE TSR_WEBHOOK_DELIVERY SET STATE = ?, ATTEMPTS = ATTEMPTS + 1,"
                    + " LAST_STATUS = ?, LAST_ERROR = NULL, NEXT_ATTEMPT_AT = NULL, DELIVERED_AT = ? WHERE ID = ?")) {
                s.setString(1, Delivery.DELIVERED);
                s.setInt(2, status);
                s.setTimestamp(3, Timestamp.from(Instant.now()));
                s.setLong(4, due.deliveryId());
                s.executeUpdate();
            }
            update(c, "UPDATE TSR_WEBHOOK SET CONSECUTIVE_FAILURES = 0 WHERE ID = ? AND CONSECUTIVE_FAILURES <> 0",
                    due.webhookId());
            return null;
        });
    }

    /**
     * The attempt failed: logged, the next one scheduled, and the webhook paused with {@code pauseReason} once it has
     * failed {@code pauseAfter} times in a row. Returns true when this failure paused it.
     */
    boolean failed(Due due, Integer status, String error, long millis, Instant nextAttempt, int pauseAfter,
                   String pauseReason) {
        return tx(c -> {
            attempt(c, due.deliveryId(), status, millis, error);
            try (PreparedStatement s = c.prepareStatement("UPDATE TSR_WEBHOOK_DELIVERY SET ATTEMPTS = ATTEMPTS + 1,"
                    + " LAST_STATUS = ?, LAST_ERROR = ?, NEXT_ATTEMPT_AT = ? WHERE ID = ?")) {
                setInteger(s, 1, status);
                s.setString(2, clip(error));
                s.setTimestamp(3, Timestamp.from(nextAttempt));
                s.setLong(4, due.deliveryId());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE TSR_WEBHOOK SET CONSECUTIVE_FAILURES ="
                    + " CONSECUTIVE_FAILURES + 1, LAST_ERROR = ? WHERE ID = ?")) {
                s.setString(1, clip(error));
                s.setLong(2, due.webhookId());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE TSR_WEBHOOK SET STATE = ?, PAUSED_AT = ?, PAUSED_REASON = ?"
                    + " WHERE ID = ? AND STATE = ? AND CONSECUTIVE_FAILURES >= ?")) {
                s.setString(1, Webhook.PAUSED);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.setString(3, clip(pauseReason));
                s.setLong(4, due.webhookId());
                s.setString(5, Webhook.ACTIVE);
                s.setInt(6, pauseAfter);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** A webhook's deliveries, newest first, with ids below {@code beforeId}; {@code state} null for all. */
    List<Delivery> deliveries(long webhookId, long beforeId, int limit, String state) {
        return tx(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM TSR_WEBHOOK_DELIVERY"
                    + " WHERE WEBHOOK_ID = ? AND ID < ?" + (state == null ? "" : " AND STATE = ?") + " ORDER BY ID DESC")) {
                s.setLong(1, webhookId);
                s.setLong(2, beforeId);
                if (state != null) {
                    s.setString(3, state);
                }
                s.setMaxRows(limit);
                List<Delivery> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        result.add(delivery(r));
                    }
                }
                return result;
            }
        });
    }

    Optional<DeliveryDetail> delivery(long webhookId, long deliveryId) {
        return tx(c -> {
            Delivery delivery;
            String payload;
            try (PreparedStatement s = c.prepareStatement("SELECT " + DELIVERY_COLUMNS + ", PAYLOAD FROM"
                    + " TSR_WEBHOOK_DELIVERY WHERE WEBHOOK_ID = ? AND ID = ?")) {
                s.setLong(1, webhookId);
                s.setLong(2, deliveryId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    delivery = delivery(r);
                    payload = r.getString(12);
                }
            }
            List<Attempt> attempts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT ATTEMPTED_AT, STATUS, DURATION_MILLIS, ERROR FROM"
                    + " TSR_WEBHOOK_ATTEMPT WHERE DELIVERY_ID = ? ORDER BY ID")) {
                s.setLong(1, deliveryId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        attempts.add(new Attempt(r.getTimestamp(1).toInstant(), integer(r, 2), r.getLong(3), r.getString(4)));
                    }
                }
            }
            return Optional.of(new DeliveryDetail(delivery, payload, attempts));
        });
    }

    /** Sends a delivery again (delivered or not), as soon as its webhook is active; false when there is none. */
    boolean replay(long webhookId, long deliveryId) {
        return tx(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE TSR_WEBHOOK_DELIVERY SET STATE = ?, NEXT_ATTEMPT_AT = ?"
                    + " WHERE WEBHOOK_ID = ? AND ID = ?")) {
                s.setString(1, Delivery.PENDING);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.setLong(3, webhookId);
                s.setLong(4, deliveryId);
                return s.executeUpdate() == 1;
            }
        });
    }

    static List<TopicPattern> patterns(String stored) {
        return Arrays.stream(stored.split(",")).map(String::trim).filter(p -> !p.isEmpty()).map(TopicPattern::new).toList();
    }

    // ------------------------------------------------------------------ plumbing

    /** The work in the caller's transaction (a REST request's, say), or in a transaction of its own. */
    private <T> T tx(Transactions.Work<T> work) {
        return transactions.required(work);
    }

    private static Optional<Webhook> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + WEBHOOK_COLUMNS + " FROM TSR_WEBHOOK w WHERE w.ID = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(webhook(r)) : Optional.empty();
            }
        }
    }

    private static Webhook webhook(ResultSet r) throws SQLException {
        return new Webhook(r.getLong(1), r.getString(2), patterns(r.getString(3)).stream().map(TopicPattern::pattern).toList(),
                r.getString(4), r.getString(5), r.getString(6), instant(r.getTimestamp(7)), r.getInt(8), r.getString(9),
                r.getString(10), instant(r.getTimestamp(11)), r.getLong(12), instant(r.getTimestamp(13)));
    }

    private static Delivery delivery(ResultSet r) throws SQLException {
        return new Delivery(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6),
                integer(r, 7), r.getString(8), instant(r.getTimestamp(9)), instant(r.getTimestamp(10)),
                instant(r.getTimestamp(11)));
    }

    private static void attempt(Connection c, long deliveryId, Integer status, long millis, String error)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO TSR_WEBHOOK_ATTEMPT (DELIVERY_ID, ATTEMPTED_AT, STATUS,"
                + " DURATION_MILLIS, ERROR) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, deliveryId);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            setInteger(s, 3, status);
            s.setLong(4, millis);
            s.setString(5, clip(error));
            s.executeUpdate();
        }
    }

    private static int update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            return s.executeUpdate();
        }
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static Integer integer(ResultSet r, int index) throws SQLException {
        int value = r.getInt(index);
        return r.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
