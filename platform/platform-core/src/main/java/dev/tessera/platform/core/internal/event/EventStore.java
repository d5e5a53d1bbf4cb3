package dev.tessera.platform.core.internal.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import dev.tessera.platform.api.event.DeadLetter;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.StoredEvent;
import dev.tessera.platform.api.event.TopicPattern;

/**
 * The SQL of the event stream. Publishing transactions insert events into TSR_EVENT and nothing else; the dispatcher
 * gives each committed event the next sequence number in TSR_EVENT_ORDER, which only it writes, so a publishing
 * transaction never waits for the dispatcher. The stream's order is the order in which events became visible, and
 * an event committed late (after events with higher row ids) still gets a place and is delivered.
 * Statements are plain SQL that Derby and PostgreSQL both run.
 */
final class EventStore {
    static final String INSERT = "INSERT INTO TSR_EVENT (EVENT_ID, TYPE, RECORD_TYPE, RECORD_ID, RECORD_VERSION,"
            + " SCHEMA_VERSION, OCCURRED_AT, ACTOR, PAYLOAD, CHANGES) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "O.SEQ, E.EVENT_ID, E.TYPE, E.RECORD_TYPE, E.RECORD_ID, E.RECORD_VERSION,"
            + " E.SCHEMA_VERSION, E.OCCURRED_AT, E.ACTOR, E.PAYLOAD, E.CHANGES";
    private static final String STREAM = " FROM TSR_EVENT_ORDER O JOIN TSR_EVENT E ON E.ID = O.EVENT_ROW";

    /** A subscriber's durable cursor. */
    record Cursor(String subscriberId, long position, int failures, String lastError, Instant nextAttemptAt) {
        static Cursor start(String subscriberId) {
            return new Cursor(subscriberId, 0, 0, "", null);
        }
    }

    private final DataSource dataSource;

    EventStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // ------------------------------------------------------------ writes in the caller's transaction

    static void insert(Connection connection, DomainEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Object[] values = values(event);
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    private static Object[] values(DomainEvent event) {
        return new Object[] {event.id().toString(), event.type(), event.recordType(), event.recordId(),
            event.recordVersion(), event.schemaVersion(), Timestamp.from(event.occurredAt()), event.actor(),
            EventJson.payload(event.payload()), EventJson.changes(event.changes())};
    }

    // ------------------------------------------------------------ the dispatcher's own transactions

    /**
     * Gives committed events above a row id that have no place yet the next sequence numbers, in row id order.
     *
     * @return the row ids that got a place, ascending
     */
    List<Long> sequenceNewEvents(long aboveRow, int max) throws SQLException {
        return sequenceNewEvents(aboveRow, List.of(), max);
    }

    /**
     * Gives a place, in row id order, to the committed events above {@code aboveRow} and to those of the rows
     * {@code alsoRows} that have committed meanwhile; returns their row ids. Read in one statement, the events of one
     * transaction keep their order even when some of their rows lie below a newer transaction's.
     */
    List<Long> sequenceNewEvents(long aboveRow, java.util.Collection<Long> alsoRows, int max) throws SQLException {
        try (Connection c = open()) {
            List<Long> rows = new ArrayList<>();
            // two index lookups in one statement (one snapshot): an OR of both made Derby scan the table
            String unplaced = " AND NOT EXISTS (SELECT 1 FROM TSR_EVENT_ORDER O WHERE O.EVENT_ROW = E.ID)";
            String sql = "SELECT E.ID FROM TSR_EVENT E WHERE E.ID > ?" + unplaced;
            if (!alsoRows.isEmpty()) {
                sql = "SELECT U.ID FROM (" + sql + " UNION ALL SELECT E.ID FROM TSR_EVENT E WHERE E.ID IN ("
                        + String.join(", ", java.util.Collections.nCopies(alsoRows.size(), "?")) + ") AND E.ID <= ?"
                        + unplaced + ") U";
            }
            try (PreparedStatement s = c.prepareStatement(sql + " ORDER BY 1 FETCH FIRST " + max + " ROWS ONLY")) {
                s.setLong(1, aboveRow);
                int i = 2;
                for (Long row : alsoRows) {
                    s.setLong(i++, row);
                }
                if (!alsoRows.isEmpty()) {
                    s.setLong(i, aboveRow);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1));
                    }
                }
            }
            if (rows.isEmpty()) {
                c.commit();
                return rows;
            }
            long next = lastSequence(c) + 1;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO TSR_EVENT_ORDER (SEQ, EVENT_ROW) VALUES (?, ?)")) {
                for (Long row : rows) {
                    insert.setLong(1, next++);
                    insert.setLong(2, row);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            return rows;
        }
    }

    /** The lowest row id without a place, minus one; or the highest row id with a place when every event has one. */
    long sequencedWatermark() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            long result;
            try (ResultSet rs = s.executeQuery("SELECT MIN(E.ID) FROM TSR_EVENT E WHERE NOT EXISTS"
                    + " (SELECT 1 FROM TSR_EVENT_ORDER O WHERE O.EVENT_ROW = E.ID)")) {
                rs.next();
                long lowestWithout = rs.getLong(1);
                result = rs.wasNull() ? -1 : lowestWithout - 1;
            }
            if (result < 0) {
                try (ResultSet rs = s.executeQuery("SELECT MAX(EVENT_ROW) FROM TSR_EVENT_ORDER")) {
                    rs.next();
                    result = rs.getLong(1);
                }
            }
            c.commit();
            return result;
        }
    }

    long lastSequence() throws SQLException {
        try (Connection c = open()) {
            long last = lastSequence(c);
            c.commit();
            return last;
        }
    }

    private static long lastSequence(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(SEQ) FROM TSR_EVENT_ORDER")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<StoredEvent> after(long position, TopicPattern pattern, int limit) throws SQLException {
        String where = "O.SEQ > ?" + (pattern == null ? "" : " AND E.TYPE LIKE ? ESCAPE '\\'");
        String sql = "SELECT " + COLUMNS + STREAM + " WHERE " + where + " ORDER BY O.SEQ FETCH FIRST " + limit + " ROWS ONLY";
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, position);
            if (pattern != null) {
                s.setString(2, pattern.toSqlLike());
            }
            List<StoredEvent> events = read(s);
            c.commit();
            return events;
        }
    }

    List<StoredEvent> latest(TopicPattern pattern, int limit) throws SQLException {
        String where = pattern == null ? "" : " WHERE E.TYPE LIKE ? ESCAPE '\\'";
        String sql = "SELECT " + COLUMNS + STREAM + where + " ORDER BY O.SEQ DESC FETCH FIRST " + limit + " ROWS ONLY";
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(sql)) {
            if (pattern != null) {
                s.setString(1, pattern.toSqlLike());
            }
            List<StoredEvent> events = new ArrayList<>(read(s));
            c.commit();
            java.util.Collections.reverse(events);
            return events;
        }
    }

    List<StoredEvent> history(String recordType, String recordId) throws SQLException {
        String sql = "SELECT " + COLUMNS + STREAM + " WHERE E.RECORD_TYPE = ? AND E.RECORD_ID = ? ORDER BY O.SEQ";
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, recordType);
            s.setString(2, recordId);
            List<StoredEvent> events = read(s);
            c.commit();
            return events;
        }
    }

    private static List<StoredEvent> read(PreparedStatement s) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                DomainEvent event = event(rs);
                events.add(new StoredEvent(rs.getLong("SEQ"), event));
            }
        }
        return events;
    }

    /** The event of a row; a type stored before events named their record type gives it by its middle part. */
    private static DomainEvent event(ResultSet rs) throws SQLException {
        String type = rs.getString("TYPE");
        String recordType = rs.getString("RECORD_TYPE");
        return new DomainEvent(UUID.fromString(rs.getString("EVENT_ID")), type,
                recordType != null ? recordType : type.substring(type.indexOf('.') + 1, type.lastIndexOf('.')),
                rs.getString("RECORD_ID"), rs.getLong("RECORD_VERSION"), rs.getInt("SCHEMA_VERSION"),
                rs.getTimestamp("OCCURRED_AT").toInstant(), rs.getString("ACTOR"),
                EventJson.readPayload(rs.getString("PAYLOAD")), EventJson.readChanges(rs.getString("CHANGES")));
    }

    // ------------------------------------------------------------ cursors and dead letters

    Cursor cursor(String subscriberId) throws SQLException {
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(
                "SELECT POSITION, FAILURES, LAST_ERROR, NEXT_ATTEMPT_AT FROM TSR_SUBSCRIBER WHERE SUBSCRIBER_ID = ?")) {
            s.setString(1, subscriberId);
            try (ResultSet rs = s.executeQuery()) {
                Cursor cursor = Cursor.start(subscriberId);
                if (rs.next()) {
                    Timestamp next = rs.getTimestamp(4);
                    cursor = new Cursor(subscriberId, rs.getLong(1), rs.getInt(2),
                            rs.getString(3) == null ? "" : rs.getString(3), next == null ? null : next.toInstant());
                }
                c.commit();
                return cursor;
            }
        }
    }

    List<Cursor> cursors() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT SUBSCRIBER_ID, POSITION, FAILURES, LAST_ERROR, NEXT_ATTEMPT_AT FROM TSR_SUBSCRIBER ORDER BY SUBSCRIBER_ID")) {
            List<Cursor> result = new ArrayList<>();
            while (rs.next()) {
                Timestamp next = rs.getTimestamp(5);
                result.add(new Cursor(rs.getString(1), rs.getLong(2), rs.getInt(3),
                        rs.getString(4) == null ? "" : rs.getString(4), next == null ? null : next.toInstant()));
            }
            c.commit();
            return result;
        }
    }

    /** Saves a cursor and, when given, dead-letters an event, in one transaction. */
    void save(Cursor cursor, DeadLetterDraft deadLetter) throws SQLException {
        try (Connection c = open()) {
            int updated;
            try (PreparedStatement u = c.prepareStatement("UPDATE TSR_SUBSCRIBER SET POSITION = ?, FAILURES = ?, LAST_ERROR = ?,"
                    + " NEXT_ATTEMPT_AT = ?, UPDATED_AT = ? WHERE SUBSCRIBER_ID = ?")) {
                bindCursor(u, cursor);
                updated = u.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement i = c.prepareStatement("INSERT INTO TSR_SUBSCRIBER (POSITION, FAILURES, LAST_ERROR,"
                        + " NEXT_ATTEMPT_AT, UPDATED_AT, SUBSCRIBER_ID) VALUES (?, ?, ?, ?, ?, ?)")) {
                    bindCursor(i, cursor);
                    i.executeUpdate();
                }
            }
            if (deadLetter != null) {
                try (PreparedStatement d = c.prepareStatement("INSERT INTO TSR_DEAD_LETTER (SUBSCRIBER_ID, EVENT_SEQ, ATTEMPTS,"
                        + " LAST_ERROR, DEAD_AT) VALUES (?, ?, ?, ?, ?)")) {
                    d.setString(1, cursor.subscriberId());
                    d.setLong(2, deadLetter.sequence());
                    d.setInt(3, deadLetter.attempts());
                    d.setString(4, clip(deadLetter.error()));
                    d.setTimestamp(5, Timestamp.from(Instant.now()));
                    d.executeUpdate();
                }
            }
            c.commit();
        }
    }

    /** An event to put on the dead-letter list. */
    record DeadLetterDraft(long sequence, int attempts, String error) {
    }

    private static void bindCursor(PreparedStatement s, Cursor cursor) throws SQLException {
        s.setLong(1, cursor.position());
        s.setInt(2, cursor.failures());
        s.setString(3, cursor.lastError().isEmpty() ? null : clip(cursor.lastError()));
        s.setTimestamp(4, cursor.nextAttemptAt() == null ? null : Timestamp.from(cursor.nextAttemptAt()));
        s.setTimestamp(5, Timestamp.from(Instant.now()));
        s.setString(6, cursor.subscriberId());
    }

    List<DeadLetter> deadLetters(long afterId, int limit) throws SQLException {
        String sql = "SELECT D.ID, D.SUBSCRIBER_ID, D.ATTEMPTS, D.LAST_ERROR, D.DEAD_AT, " + COLUMNS
                + " FROM TSR_DEAD_LETTER D JOIN TSR_EVENT_ORDER O ON O.SEQ = D.EVENT_SEQ JOIN TSR_EVENT E ON E.ID = O.EVENT_ROW"
                + " WHERE D.ID > ? ORDER BY D.ID";
        return readDeadLetters(sql, afterId, limit);
    }

    Optional<DeadLetter> deadLetter(long id) throws SQLException {
        String sql = "SELECT D.ID, D.SUBSCRIBER_ID, D.ATTEMPTS, D.LAST_ERROR, D.DEAD_AT, " + COLUMNS
                + " FROM TSR_DEAD_LETTER D JOIN TSR_EVENT_ORDER O ON O.SEQ = D.EVENT_SEQ JOIN TSR_EVENT E ON E.ID = O.EVENT_ROW"
                + " WHERE D.ID = ?";
        return readDeadLetters(sql, id, 1).stream().findFirst();
    }

    private List<DeadLetter> readDeadLetters(String sql, long id, int limit) throws SQLException {
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.setMaxRows(limit);
            List<DeadLetter> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DomainEvent event = event(rs);
                    result.add(new DeadLetter(rs.getLong(1), rs.getString(2), new StoredEvent(rs.getLong("SEQ"), event),
                            rs.getInt(3), rs.getString(4) == null ? "" : rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            c.commit();
            return result;
        }
    }

    void updateDeadLetter(long id, int attempts, String error) throws SQLException {
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(
                "UPDATE TSR_DEAD_LETTER SET ATTEMPTS = ?, LAST_ERROR = ? WHERE ID = ?")) {
            s.setInt(1, attempts);
            s.setString(2, clip(error));
            s.setLong(3, id);
            s.executeUpdate();
            c.commit();
        }
    }

    void deleteDeadLetter(long id) throws SQLException {
        try (Connection c = open(); PreparedStatement s = c.prepareStatement("DELETE FROM TSR_DEAD_LETTER WHERE ID = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
            c.commit();
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }

    // ------------------------------------------------------------ processed marks (idempotent handlers)

    static boolean markProcessed(Connection connection, String subscriberId, String eventId) throws SQLException {
        try (PreparedStatement seen = connection.prepareStatement(
                "SELECT COUNT(*) FROM TSR_PROCESSED_EVENT WHERE SUBSCRIBER_ID = ? AND EVENT_ID = ?")) {
            seen.setString(1, subscriberId);
            seen.setString(2, eventId);
            try (ResultSet rs = seen.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            }
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "INSERT INTO TSR_PROCESSED_EVENT (SUBSCRIBER_ID, EVENT_ID, PROCESSED_AT) VALUES (?, ?, ?)")) {
            mark.setString(1, subscriberId);
            mark.setString(2, eventId);
            mark.setTimestamp(3, Timestamp.from(Instant.now()));
            mark.executeUpdate();
        }
        return true;
    }

    private Connection open() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 2000 ? text.substring(0, 1997) + "..." : text;
    }
}
