package dev.tessera.crm.pipeline.internal;

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
import javax.persistence.LockModeType;
import javax.persistence.Query;

/** Native SQL on the pipeline's tables, the same on Derby and PostgreSQL. */
final class Sql {
    private Sql() {
    }

    /** The next id of a record type, under the sequence row's lock (released at commit). */
    static long nextId(EntityManager em, String type) {
        SequenceEntity sequence = em.find(SequenceEntity.class, type, LockModeType.PESSIMISTIC_WRITE);
        if (sequence == null) {
            throw new IllegalStateException("No id sequence '" + type + "' in PIP_SEQUENCE");
        }
        long id = sequence.take();
        em.flush();
        return id;
    }

    /** Inserts the columns that have a value: PostgreSQL refuses a null bound as text for a DATE column. */
    static void insert(EntityManager em, String table, Map<String, Object> columns) {
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
    static int update(EntityManager em, String table, Map<String, Object> columns, String where, Object... args) {
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

    static int execute(EntityManager em, String sql, Object... args) {
        return bind(em.createNativeQuery(sql), args).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(EntityManager em, String sql, Object... args) {
        List<?> result = bind(em.createNativeQuery(sql), args).getResultList();
        if (!result.isEmpty() && !(result.get(0) instanceof Object[])) {
            return result.stream().map(v -> new Object[] {v}).toList();
        }
        return (List<Object[]>) result;
    }

    static Object[] row(EntityManager em, String sql, Object... args) {
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

    static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static long longValue(Object value) {
        return ((Number) value).longValue();
    }

    static int intValue(Object value) {
        return ((Number) value).intValue();
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString().substring(0, 10));
    }

    static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    static boolean bool(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }
}
