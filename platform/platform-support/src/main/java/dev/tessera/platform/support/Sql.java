package dev.tessera.platform.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;

/**
 * Plain SQL on a module's own tables, through the connection of the thread's transaction
 * ({@code Transactions.required(c -> ...)}), written once for Derby and PostgreSQL: inserts leave out null columns
 * (PostgreSQL cannot type a bound null for a DATE column), updates write NULL as a literal, parameters take
 * {@code LocalDate}, {@code Instant} and enums, and readers turn each database's column types into Java values.
 * A database failure becomes {@code platform.persistence-failed} with the SQL error as its cause, so the transaction
 * recognises lock conflicts it may retry.
 */
public final class Sql {
    private Sql() {
    }

    /**
     * The next id from a sequence table ({@code NAME}, {@code NEXT_VALUE}): the update locks the row until the
     * transaction ends, so ids never repeat; a rolled-back transaction gives its id back.
     */
    public static long nextId(Connection c, String table, String name) {
        if (execute(c, "UPDATE " + table + " SET NEXT_VALUE = NEXT_VALUE + 1 WHERE NAME = ?", name) != 1) {
            throw new IllegalStateException("No id sequence '" + name + "' in " + table);
        }
        return longValue(row(c, "SELECT NEXT_VALUE FROM " + table + " WHERE NAME = ?", name)[0]) - 1;
    }

    /**
     * For a read-only copy kept from another module's events: records {@code version} as the newest seen of record
     * {@code id} in {@code table} ({@code idColumn}, {@code versionColumn}) and answers true, unless the table holds a
     * newer version already (events come again, and late): then it changes nothing and answers false.
     */
    public static boolean takeVersion(Connection c, String table, String idColumn, String versionColumn, long id,
                                      long version) {
        Object newest = value(c, "SELECT MAX(" + versionColumn + ") FROM " + table + " WHERE " + idColumn + " = ?", id);
        if (newest != null && longValue(newest) > version) {
            return false;
        }
        if (execute(c, "UPDATE " + table + " SET " + versionColumn + " = ? WHERE " + idColumn + " = ?", version,
                id) == 0) {
            execute(c, "INSERT INTO " + table + " (" + idColumn + ", " + versionColumn + ") VALUES (?, ?)", id,
                    version);
        }
        return true;
    }

    /** Inserts the columns that have a value: PostgreSQL refuses a null bound as text for a DATE column. */
    public static void insert(Connection c, String table, Map<String, Object> columns) {
        Map<String, Object> set = present(columns);
        execute(c, insertSql(table, set), set.values().toArray());
    }

    /**
     * Inserts a row into a table whose first column is an identity {@code ID} and returns the id the database gave
     * it.
     */
    public static long insertReturningId(Connection c, String table, Map<String, Object> columns) {
        Map<String, Object> set = present(columns);
        String sql = insertSql(table, set);
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, set.values().toArray());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("The database returned no id for the row inserted into " + table);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private static Map<String, Object> present(Map<String, Object> columns) {
        Map<String, Object> set = new LinkedHashMap<>(columns);
        set.values().removeIf(Objects::isNull);
        return set;
    }

    private static String insertSql(String table, Map<String, Object> set) {
        return "INSERT INTO " + table + " (" + String.join(", ", set.keySet()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(set.size(), "?")) + ")";
    }

    /**
     * Updates the given columns of one row; a null value sets the column to NULL through a literal, never a bound
     * null (whose type PostgreSQL cannot always infer).
     */
    public static int update(Connection c, String table, Map<String, Object> columns, String where, Object... args) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        List<Object> values = new ArrayList<>();
        String separator = "";
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            sql.append(separator).append(column.getKey()).append(column.getValue() == null ? " = NULL" : " = ?");
            if (column.getValue() != null) {
                values.add(column.getValue());
            }
            separator = ", ";
        }
        sql.append(" WHERE ").append(where);
        values.addAll(List.of(args));
        return execute(c, sql.toString(), values.toArray());
    }

    /** An INSERT, UPDATE or DELETE; returns how many rows it changed. */
    public static int execute(Connection c, String sql, Object... args) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** One statement run for each list of arguments, sent to the database as one batch. */
    public static void batch(Connection c, String sql, List<Object[]> argumentLists) {
        if (argumentLists.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] args : argumentLists) {
                bind(s, args);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    public static List<Object[]> rows(Connection c, String sql, Object... args) {
        return rows(c, Integer.MAX_VALUE, sql, args);
    }

    /** At most {@code limit} rows: the database stops there, so a page never reads the whole table. */
    public static List<Object[]> rows(Connection c, int limit, String sql, Object... args) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            if (limit < Integer.MAX_VALUE) {
                s.setMaxRows(limit);
            }
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                int columns = meta.getColumnCount();
                List<Object[]> result = new ArrayList<>();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** The first row, or null when there is none. */
    public static Object[] row(Connection c, String sql, Object... args) {
        List<Object[]> rows = rows(c, 1, sql, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The first column of the first row, or null when there is no row. */
    public static Object value(Connection c, String sql, Object... args) {
        Object[] row = row(c, sql, args);
        return row == null ? null : row[0];
    }

    /**
     * A WHERE clause built from optional filters: {@code new Where("ID > ?", after).and("STATUS", status)} leaves out
     * the filters whose value is null.
     */
    public static final class Where {
        private final StringBuilder sql;
        private final List<Object> args = new ArrayList<>();

        public Where(String condition, Object... args) {
            this.sql = new StringBuilder(condition);
            this.args.addAll(List.of(args));
        }

        /** {@code AND column = value}, when there is a value. */
        public Where and(String column, Object value) {
            if (value != null) {
                sql.append(" AND ").append(column).append(" = ?");
                args.add(value);
            }
            return this;
        }

        public String sql() {
            return sql.toString();
        }

        public Object[] args() {
            return args.toArray();
        }
    }

    /**
     * Binds the arguments; a null goes as an untyped null, which Derby types from the statement and PostgreSQL infers
     * from the column it is compared with or written to.
     */
    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, jdbc(args[i]));
        }
    }

    private static Object jdbc(Object value) {
        if (value instanceof LocalDate day) {
            return Date.valueOf(day);
        }
        if (value instanceof Instant at) {
            return Timestamp.from(at);
        }
        if (value instanceof java.time.LocalDateTime at) {
            return Timestamp.valueOf(at);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    private static TesseraException failure(String sql, SQLException e) {
        return new TesseraException(PlatformErrors.PERSISTENCE_FAILED, "The database refused a statement: "
                + e.getMessage(), e);
    }

    // ------------------------------------------------------------ reading columns

    public static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    public static long longValue(Object value) {
        return ((Number) value).longValue();
    }

    public static int intValue(Object value) {
        return ((Number) value).intValue();
    }

    public static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
    }

    public static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString().substring(0, 10));
    }

    public static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    public static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    public static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }
}
