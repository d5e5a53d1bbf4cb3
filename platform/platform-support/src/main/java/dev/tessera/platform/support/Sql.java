package dev.tessera.platform.support;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.Query;

/**
 * Native SQL through a JPA entity manager, written once for Derby and PostgreSQL: inserts leave out null columns
 * (PostgreSQL cannot type a bound null for a DATE column), updates write NULL as a literal, parameters take
 * {@code LocalDate}, {@code Instant} and enums, and readers turn each database's column types into Java values.
 */
public final class Sql {
    private Sql() {
    }

    /**
     * The next id from a sequence table ({@code NAME}, {@code NEXT_VALUE}): the update locks the row until the
     * transaction ends, so ids never repeat; a rolled-back transaction gives its id back.
     */
    public static long nextId(EntityManager em, String table, String name) {
        if (execute(em, "UPDATE " + table + " SET NEXT_VALUE = NEXT_VALUE + 1 WHERE NAME = ?", name) != 1) {
            throw new IllegalStateException("No id sequence '" + name + "' in " + table);
        }
        return longValue(row(em, "SELECT NEXT_VALUE FROM " + table + " WHERE NAME = ?", name)[0]) - 1;
    }

    /** Inserts the columns that have a value: PostgreSQL refuses a null bound as text for a DATE column. */
    public static void insert(EntityManager em, String table, Map<String, Object> columns) {
        Map<String, Object> set = new LinkedHashMap<>(columns);
        set.values().removeIf(Objects::isNull);
        Query insert = em.createNativeQuery("INSERT INTO " + table + " (" + String.join(", ", set.keySet())
                + ") VALUES (" + String.join(", ", Collections.nCopies(set.size(), "?")) + ")");
        int index = 1;
        for (Object value : set.values()) {
            insert.setParameter(index++, jdbc(value));
        }
        insert.executeUpdate();
    }

    /**
     * Updates the given columns of one row; a null value sets the column to NULL through a literal, never a bound
     * null (whose type PostgreSQL cannot always infer).
     */
    public static int update(EntityManager em, String table, Map<String, Object> columns, String where, Object... args) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        List<Object> values = new java.util.ArrayList<>();
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
        return execute(em, sql.toString(), values.toArray());
    }

    public static int execute(EntityManager em, String sql, Object... args) {
        return bind(em.createNativeQuery(sql), args).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(EntityManager em, String sql, Object... args) {
        List<?> result = bind(em.createNativeQuery(sql), args).getResultList();
        if (!result.isEmpty() && !(result.get(0) instanceof Object[])) {
            return result.stream().map(v -> new Object[] {v}).toList();
        }
        return (List<Object[]>) result;
    }

    /** At most {@code limit} rows: the database stops there, so a page never reads the whole table. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(EntityManager em, int limit, String sql, Object... args) {
        Query query = bind(em.createNativeQuery(sql), args);
        if (limit < Integer.MAX_VALUE) {
            query.setMaxResults(limit);
        }
        List<?> result = query.getResultList();
        if (!result.isEmpty() && !(result.get(0) instanceof Object[])) {
            return result.stream().map(v -> new Object[] {v}).toList();
        }
        return (List<Object[]>) result;
    }

    /**
     * A WHERE clause built from optional filters: {@code new Where("ID > ?", after).and("STATUS", status)} leaves out
     * the filters whose value is null.
     */
    public static final class Where {
        private final StringBuilder sql;
        private final List<Object> args = new java.util.ArrayList<>();

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

    public static Object[] row(EntityManager em, String sql, Object... args) {
        List<Object[]> rows = rows(em, sql, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Query bind(Query query, Object... args) {
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, jdbc(args[i]));
        }
        return query;
    }

    private static Object jdbc(Object value) {
        if (value instanceof LocalDate day) {
            return Date.valueOf(day);
        }
        if (value instanceof Instant at) {
            return Timestamp.from(at);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
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
