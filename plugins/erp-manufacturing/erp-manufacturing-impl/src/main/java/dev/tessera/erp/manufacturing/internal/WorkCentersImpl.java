package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.manufacturing.api.ManufacturingErrors;
import dev.tessera.erp.manufacturing.api.NewWorkCenter;
import dev.tessera.erp.manufacturing.api.WorkCenter;
import dev.tessera.erp.manufacturing.api.WorkCenterChanges;
import dev.tessera.erp.manufacturing.api.WorkCenters;
import dev.tessera.erp.manufacturing.api.event.ManufacturingEvents;
import dev.tessera.erp.manufacturing.api.event.WorkCenterDetails;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.EventType;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;

/** Work centers: their cost rates and capacity. */
@Component(service = WorkCenters.class)
public final class WorkCentersImpl implements WorkCenters {
    private static final BigDecimal EIGHT = new BigDecimal(8);

    private final Transactions transactions;
    private final EventPublisher events;

    @Activate
    public WorkCentersImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                           @Reference(target = "(tessera.module=erp-manufacturing)") ModuleSchema schema) {
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public List<WorkCenter> workCenters(Boolean active) {
        return transactions.required(db -> WorkCenterStore.centers(db, active, null, Integer.MAX_VALUE));
    }

    @Override
    public List<WorkCenter> workCenters(Boolean active, String afterCode, int limit) {
        return transactions.required(db -> WorkCenterStore.centers(db, active, afterCode, limit));
    }

    @Override
    public Optional<WorkCenter> workCenter(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return transactions.required(db -> WorkCenterStore.center(db, code));
    }

    @Override
    public WorkCenter create(NewWorkCenter in, String actor) {
        if (in == null) {
            throw new ValidationException(ManufacturingErrors.INVALID, "The work center is required",
                    List.of(new FieldError("code", "is required"), new FieldError("name", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String code = Checks.centerCode(in.code(), "code", errors);
        String name = Changes.text(in.name(), "name", 200, true, errors);
        BigDecimal perHour = Checks.notNegative(in.costPerHour(), "costPerHour", errors);
        BigDecimal perBatch = Checks.notNegative(in.costPerBatch(), "costPerBatch", errors);
        BigDecimal hours = Checks.hoursPerDay(in.hoursPerDay(), "hoursPerDay", errors);
        ValidationException.throwIfAny(ManufacturingErrors.INVALID, "The work center", errors);
        return transactions.required(db -> {
            if (WorkCenterStore.center(db, code).isPresent()) {
                throw new TesseraException(ManufacturingErrors.DUPLICATE_WORK_CENTER, "A work center with code " + code
                        + " exists already (manufacturing:work-centers)");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("CODE", code);
            row.put("NAME", name);
            row.put("COST_PER_HOUR", perHour == null ? BigDecimal.ZERO : perHour);
            row.put("COST_PER_BATCH", perBatch == null ? BigDecimal.ZERO : perBatch);
            row.put("HOURS_PER_DAY", hours == null ? EIGHT : hours);
            WorkCenterStore.insert(db, row, actor);
            WorkCenter created = WorkCenterStore.require(db, code);
            events.publish(db, ManufacturingEvents.WORK_CENTER_CREATED.created(code, actor,
                    WorkCenterStore.details(created)));
            return created;
        });
    }

    @Override
    public WorkCenter update(String code, WorkCenterChanges in, String actor) {
        if (in == null) {
            throw new ValidationException(ManufacturingErrors.INVALID, "The changes are required",
                    List.of(new FieldError("(body)", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> set = new LinkedHashMap<>();
        if (in.name() != null) {
            set.put("NAME", Changes.text(in.name(), "name", 200, true, errors));
        }
        if (in.costPerHour() != null) {
            set.put("COST_PER_HOUR", Checks.notNegative(in.costPerHour(), "costPerHour", errors));
        }
        if (in.costPerBatch() != null) {
            set.put("COST_PER_BATCH", Checks.notNegative(in.costPerBatch(), "costPerBatch", errors));
        }
        if (in.hoursPerDay() != null) {
            set.put("HOURS_PER_DAY", Checks.hoursPerDay(in.hoursPerDay(), "hoursPerDay", errors));
        }
        ValidationException.throwIfAny(ManufacturingErrors.INVALID, "The work center", errors);
        return transactions.required(db -> {
            WorkCenterStore.lock(db, code);
            WorkCenter before = WorkCenterStore.require(db, code);
            return change(db, before, set, ManufacturingEvents.WORK_CENTER_CHANGED, actor);
        });
    }

    @Override
    public WorkCenter deactivate(String code, String actor) {
        return transactions.required(db -> {
            WorkCenterStore.lock(db, code);
            WorkCenter before = WorkCenterStore.require(db, code);
            if (!before.active()) {
                return before;
            }
            return change(db, before, Map.of("ACTIVE", false), ManufacturingEvents.WORK_CENTER_DEACTIVATED, actor);
        });
    }

    private WorkCenter change(Connection db, WorkCenter before, Map<String, Object> set,
                              EventType<WorkCenterDetails> type, String actor) {
        if (set.isEmpty()) {
            return before;
        }
        WorkCenterStore.update(db, before, set);
        WorkCenter after = WorkCenterStore.require(db, before.code());
        if (!WorkCenterStore.details(before).equals(WorkCenterStore.details(after))) {
            events.publish(db, type.changed(after.code(), after.version(), actor, WorkCenterStore.details(before),
                    WorkCenterStore.details(after)));
        }
        return after;
    }
}
