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

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.TopicPattern;
import dev.tessera.platform.api.persistence.ModuleSchema;

/** The webhook tables: subscriptions, the delivery queue and log, attempts. Each method is one transaction. */
@Component(service = WebhookStore.class)
public final class WebhookStore {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookStore.class);
    private static final String WEBHOOK_COLUMNS = "ID, TARGET_URL, EVENT_TYPES, DESCRIPTION, STATE, PAUSED_REASON,"
            + " PAUSED_AT, CONSECUTIVE_FAILURES, LAST_ERROR, CREATED_BY, CREATED_AT";
    private static final String DELIVERY_COLUMNS = "ID, WEBHOOK_ID, EVENT_ID, EVENT_TYPE, STATE, ATTEMPTS, LAST_STATUS,"
            + " LAST_ERROR, CREATED_AT, NEXT_ATTEMPT_AT, DELIVERED_AT";

    /** A delivery due now, with what sending it needs. */
    record Due(long deliveryId, long webhookId, String url, String secret, String eventId, String eventType,
               int schemaVersion, String payload, int attempts) {
    }

    private final DataSource dataSource;

    @Activate
    public WebhookStore(@Reference(target = "(tessera.module=platform-webhooks)") ModuleSchema schema,
                        @Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource) {
        this.dataSource = dataSource;
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
            try (PreparedStatement s = c.prepareStatement("SELECT " + WEBHOOK_COLUMNS + " FROM TSR_WEBHOOK WHERE ID > ?"
                    + " ORDER BY ID")) {
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
     * one at a time), when its next attempt is due, leaving out the webhooks in {@code busy}.
     */
    List<Due> due(Instant now, Set<Long> busy, int max) {
        return tx(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT d.ID, d.WEBHOOK_ID, w.TARGET_URL, w.SECRET, d.EVENT_ID,"
                    + " d.EVENT_TYPE, d.PAYLOAD, d.ATTEMPTS, d.SCHEMA_VERSION FROM TSR_WEBHOOK_DELIVERY d JOIN TSR_WEBHOOK w ON w.ID = d.WEBHOOK_ID"
                    + " WHERE w.STATE = ? AND d.STATE = ? AND d.NEXT_ATTEMPT_AT <= ? AND d.ID = (SELECT MIN(q.ID) FROM"
                    + " TSR_WEBHOOK_DELIVERY q WHERE q.WEBHOOK_ID = d.WEBHOOK_ID AND q.STATE = ?) ORDER BY d.ID")) {
                s.setString(1, Webhook.ACTIVE);
                s.setString(2, Delivery.PENDING);
                s.setTimestamp(3, Timestamp.from(now));
                s.setString(4, Delivery.PENDING);
                List<Due> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next() && result.size() < max) {
                        if (!busy.contains(r.getLong(2))) {
                            result.add(new Due(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                                    r.getString(6), r.getInt(9), r.getString(7), r.getInt(8)));
                        }
                    }
                }
                return result;
            }
        });
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
            update(c, "UPDATE TSR_WEBHOOK SET CONSECUTIVE_FAILURES = 0 WHERE ID = ?", due.webhookId());
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

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.warn("Webhook store failed: {}", e.toString());
            throw new TesseraException(PlatformErrors.DATABASE_UNAVAILABLE, "Webhooks are kept in the database, which"
                    + " did not answer; try again shortly", e);
        }
    }

    private static Optional<Webhook> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + WEBHOOK_COLUMNS + " FROM TSR_WEBHOOK WHERE ID = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(webhook(r)) : Optional.empty();
            }
        }
    }

    private static Webhook webhook(ResultSet r) throws SQLException {
        return new Webhook(r.getLong(1), r.getString(2), patterns(r.getString(3)).stream().map(TopicPattern::pattern).toList(),
                r.getString(4), r.getString(5), r.getString(6), instant(r.getTimestamp(7)), r.getInt(8), r.getString(9),
                r.getString(10), instant(r.getTimestamp(11)));
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
