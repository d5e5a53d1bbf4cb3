package dev.tessera.erp.manufacturing.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tessera.erp.manufacturing.api.ManufacturingErrors;
import dev.tessera.erp.manufacturing.api.WorkCenter;
import dev.tessera.erp.manufacturing.api.event.WorkCenterDetails;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.support.Sql;

/** Work centers on MFG_WORK_CENTER, in the caller's transaction; rows become records here and nowhere else. */
final class WorkCenterStore {
    private static final String COLUMNS = "CODE, NAME, COST_PER_HOUR, COST_PER_BATCH, HOURS_PER_DAY, ACTIVE, VERSION,"
            + " CREATED_AT, CREATED_BY";

    private WorkCenterStore() {
    }

    static Optional<WorkCenter> center(Connection db, String code) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + COLUMNS + " FROM MFG_WORK_CENTER WHERE CODE = ?",
                code.trim().toUpperCase(Locale.ROOT))).map(WorkCenterStore::center);
    }

    static WorkCenter require(Connection db, String code) {
        return center(db, code).orElseThrow(() -> new TesseraException(ManufacturingErrors.WORK_CENTER_NOT_FOUND,
                "No work center " + code + " (manufacturing:work-centers lists them)"));
    }

    static List<WorkCenter> centers(Connection db, Boolean active, String afterCode, int limit) {
        Sql.Where where = (afterCode == null ? new Sql.Where("1 = 1") : new Sql.Where("CODE > ?", afterCode))
                .and("ACTIVE", active);
        return Sql.rows(db, limit, "SELECT " + COLUMNS + " FROM MFG_WORK_CENTER WHERE " + where.sql()
                + " ORDER BY CODE", where.args()).stream().map(WorkCenterStore::center).toList();
    }

    static void insert(Connection db, Map<String, Object> row, String actor) {
        Map<String, Object> all = new LinkedHashMap<>(row);
        all.put("ACTIVE", true);
        all.put("VERSION", 1L);
        all.put("CREATED_AT", Instant.now());
        all.put("CREATED_BY", actor);
        Sql.insert(db, "MFG_WORK_CENTER", all);
    }

    /** Updates the work center's columns and raises its version. */
    static void update(Connection db, WorkCenter before, Map<String, Object> set) {
        Map<String, Object> all = new LinkedHashMap<>(set);
        all.put("VERSION", before.version() + 1);
        Sql.update(db, "MFG_WORK_CENTER", all, "CODE = ?", before.code());
    }

    /** Locks the work center's row until the transaction ends. */
    static void lock(Connection db, String code) {
        Sql.execute(db, "UPDATE MFG_WORK_CENTER SET VERSION = VERSION WHERE CODE = ?",
                code.trim().toUpperCase(Locale.ROOT));
    }

    static WorkCenterDetails details(WorkCenter w) {
        return new WorkCenterDetails(w.code(), w.name(), w.costPerHour(), w.costPerBatch(), w.hoursPerDay(),
                w.active());
    }

    private static WorkCenter center(Object[] r) {
        return new WorkCenter(Sql.text(r[0]), (String) r[1], Sql.decimal(r[2]), Sql.decimal(r[3]), Sql.decimal(r[4]),
                Sql.bool(r[5]), Sql.longValue(r[6]), Sql.instant(r[7]), (String) r[8]);
    }
}
