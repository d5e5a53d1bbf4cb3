package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.Issue;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.Reservation;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockMove;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.BomComponent;
import dev.tessera.erp.manufacturing.api.BomOperation;
import dev.tessera.erp.manufacturing.api.ComponentsShortException;
import dev.tessera.erp.manufacturing.api.CostLine;
import dev.tessera.erp.manufacturing.api.CostRollup;
import dev.tessera.erp.manufacturing.api.IssueLine;
import dev.tessera.erp.manufacturing.api.ManufacturingErrors;
import dev.tessera.erp.manufacturing.api.NewWorkOrder;
import dev.tessera.erp.manufacturing.api.OperationTime;
import dev.tessera.erp.manufacturing.api.Supply;
import dev.tessera.erp.manufacturing.api.WorkCenter;
import dev.tessera.erp.manufacturing.api.WorkOrder;
import dev.tessera.erp.manufacturing.api.WorkOrderComponent;
import dev.tessera.erp.manufacturing.api.WorkOrderOperation;
import dev.tessera.erp.manufacturing.api.WorkOrderStatus;
import dev.tessera.erp.manufacturing.api.WorkOrders;
import dev.tessera.erp.manufacturing.api.event.ManufacturingEvents;
import dev.tessera.erp.manufacturing.api.event.WorkOrderCosts;
import dev.tessera.erp.manufacturing.api.event.WorkOrderDetails;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.EventType;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Sql;

/**
 * Work orders through the inventory's stock ledger: release reserves the components, issues consume the
 * reservations (reference: the order's number), completion receives the finished goods at the order's standard unit
 * cost, closing books what is left as variances. Each step is one transaction with the inventory's moves and its
 * event, under the order's row lock.
 */
@Component(service = WorkOrders.class)
public final class WorkOrdersImpl implements WorkOrders {
    private static final BigDecimal LIMIT = new BigDecimal("1000000000");
    /** The most a work order needs of one component, or hours of one operation, as its tables hold them. */
    private static final BigDecimal COMPONENT_LIMIT = new BigDecimal("1000000000000");
    private static final Set<WorkOrderStatus> RUNNING = EnumSet.of(WorkOrderStatus.RELEASED,
            WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.COMPLETED);

    private final Transactions transactions;
    private final EventPublisher events;
    private final NumberSeries numbers;
    private final Catalog catalog;
    private final StockService stock;
    private final BomsImpl boms;

    @Activate
    public WorkOrdersImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                          @Reference NumberSeries numbers,
                          @Reference(target = "(tessera.module=erp-manufacturing)") ModuleSchema schema,
                          @Reference Catalog catalog, @Reference StockService stock, @Reference BomsImpl boms) {
        this.transactions = transactions;
        this.events = events;
        this.numbers = numbers;
        this.catalog = catalog;
        this.stock = stock;
        this.boms = boms;
    }

    @Override
    public List<WorkOrder> workOrders(WorkOrderStatus status, String sku, long afterId, int limit) {
        return transactions.required(db -> WorkOrderStore.workOrders(db, status,
                sku == null || sku.isBlank() ? null : sku.trim(), afterId, limit));
    }

    @Override
    public Optional<WorkOrder> workOrder(long id) {
        return transactions.required(db -> WorkOrderStore.workOrder(db, id));
    }

    @Override
    public Optional<WorkOrder> workOrderByNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return transactions.required(db -> WorkOrderStore.byNumber(db, number));
    }

    // ================================================================ planning

    @Override
    public WorkOrder create(NewWorkOrder in, String actor) {
        if (in == null) {
            throw new ValidationException(ManufacturingErrors.INVALID, "The work order is required", List.of(
                    new FieldError("sku", "is required"), new FieldError("quantity", "is required"),
                    new FieldError("warehouse", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String sku = Checks.sku(in.sku(), "sku", errors);
        BigDecimal quantity = quantity(in.quantity(), "quantity", errors);
        String warehouse = Checks.sku(in.warehouse(), "warehouse", errors);
        String note = Changes.text(in.note(), "note", 500, false, errors);
        ValidationException.throwIfAny(ManufacturingErrors.INVALID, "The work order", errors);
        LocalDate today = LocalDate.now();
        if (in.billDate() != null && in.billDate().isBefore(today)) {
            throw new ValidationException(ManufacturingErrors.INVALID, "The work order's bill date is in the past",
                    List.of(new FieldError("billDate", "must be today (" + today + ") or later, or left out for the"
                            + " bill in force today")));
        }
        LocalDate billDay = in.billDate() == null ? today : in.billDate();
        if (in.dueDate() != null && in.dueDate().isBefore(today)) {
            throw new ValidationException(ManufacturingErrors.INVALID, "The work order is due in the past",
                    List.of(new FieldError("dueDate", "must be today (" + today + ") or later")));
        }
        return transactions.required(db -> {
            Item item = catalog.item(sku).orElseThrow(() -> new ValidationException(ManufacturingErrors.UNKNOWN_ITEM,
                    "No item " + sku + " in the catalog", List.of(new FieldError("sku", "'" + sku + "' is not an item"
                    + " of the inventory's catalog (inventory:items)"))));
            String place = stock.warehouses().stream().map(w -> w.code()).filter(c -> c.equalsIgnoreCase(warehouse))
                    .findFirst().orElseThrow(() -> new ValidationException(ManufacturingErrors.INVALID, "No warehouse "
                            + warehouse, List.of(new FieldError("warehouse", "'" + warehouse + "' is not a warehouse"
                            + " of the inventory (inventory:warehouses)"))));
            Bom bom = BomStore.inForce(db, item.sku(), billDay).orElseThrow(() -> new TesseraException(
                    ManufacturingErrors.BOM_NOT_FOUND, item.sku() + " has no bill of materials in force "
                    + (billDay.equals(today) ? "today" : "on " + billDay)
                    + " (manufacturing:bom-add makes one)"));
            if (catalog.countedInWholeUnits(item.uom()) && quantity.stripTrailingZeros().scale() > 0) {
                throw new ValidationException(ManufacturingErrors.INVALID, item.sku() + " is counted in whole "
                        + item.uom(), List.of(new FieldError("quantity", "must be a whole number of " + item.uom()
                        + ", not " + plain(quantity))));
            }
            if (bom.phantom()) {
                throw new TesseraException(ManufacturingErrors.WORK_ORDER_STATE, item.sku() + "'s bill of materials is"
                        + " a phantom: it is never made on its own, only as part of its parent's work orders");
            }
            CostRollup cost = boms.cost(db, item.sku(), billDay);
            Map<String, BigDecimal> needs = new LinkedHashMap<>();
            List<WorkOrderStore.PlannedOperation> steps = new ArrayList<>();
            plan(db, bom, quantity, billDay, needs, steps, new ArrayDeque<>(List.of(item.sku())));
            // what the order's tables hold: 15 digits of a quantity, 13 of hours
            for (Map.Entry<String, BigDecimal> need : needs.entrySet()) {
                if (need.getValue().compareTo(COMPONENT_LIMIT) > 0) {
                    throw new ValidationException(ManufacturingErrors.INVALID, "The work order would need "
                            + BomStore.plain(need.getValue().setScale(0, RoundingMode.CEILING)) + " of "
                            + need.getKey(), List.of(new FieldError("quantity", "is more than one work order can take"
                            + " of " + need.getKey() + " (at most " + BomStore.plain(COMPONENT_LIMIT) + "); plan"
                            + " smaller work orders")));
                }
            }
            for (WorkOrderStore.PlannedOperation step : steps) {
                if (step.hours().compareTo(COMPONENT_LIMIT) > 0) {
                    throw new ValidationException(ManufacturingErrors.INVALID, "The work order would take "
                            + BomStore.plain(step.hours().setScale(0, RoundingMode.CEILING)) + " hours at "
                            + step.workCenter(), List.of(new FieldError("quantity", "is more than one work order can"
                            + " take at " + step.workCenter() + "; plan smaller work orders")));
                }
            }
            List<WorkOrderStore.PlannedComponent> components = new ArrayList<>();
            // up to 4 decimals as the inventory keeps quantities, to whole units for items counted so
            needs.forEach((c, q) -> components.add(new WorkOrderStore.PlannedComponent(c, q.setScale(catalog.item(c)
                    .map(i -> catalog.countedInWholeUnits(i.uom())).orElse(false) ? 0 : 4, RoundingMode.CEILING))));
            String series = "WO-" + today.getYear();
            String number = NumberSeries.format(series, numbers.next(db, series));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("NUMBER", number);
            row.put("SKU", item.sku());
            row.put("BOM_ID", bom.id());
            row.put("QUANTITY", quantity);
            row.put("WAREHOUSE", place);
            row.put("DUE_DATE", in.dueDate());
            BigDecimal operations = ownOperations(cost);
            row.put("STD_MATERIALS", cost.unitCost().subtract(operations));
            row.put("STD_OPERATIONS", operations);
            row.put("NOTE", note);
            long id = WorkOrderStore.insert(db, row, components, steps, actor);
            WorkOrder created = WorkOrderStore.require(db, id);
            events.publish(db, ManufacturingEvents.WORK_ORDER_CREATED.created(Long.toString(id), actor,
                    WorkOrderStore.details(created)));
            return created;
        });
    }

    /**
     * The unit cost of the operations this order runs itself: its bill's and those of phantoms in it. Everything
     * else is its materials, made components at their whole rolled-up cost, as the inventory values them when they
     * are issued.
     */
    static BigDecimal ownOperations(CostRollup cost) {
        Map<String, Supply> supplies = new java.util.HashMap<>();
        for (CostLine l : cost.lines()) {
            if (l.sku() != null) {
                supplies.put(l.path(), l.supply());
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (CostLine l : cost.lines()) {
            if (l.workCenter() == null) {
                continue;
            }
            String bill = l.path().substring(0, l.path().lastIndexOf('#'));
            boolean own = true;
            while (own && bill.contains("/")) {
                own = supplies.get(bill) == Supply.PHANTOM;
                bill = bill.substring(0, bill.lastIndexOf('/'));
            }
            if (own) {
                total = total.add(l.operations());
            }
        }
        return total;
    }

    /**
     * What {@code quantity} of a bill's item needs: its components (a phantom's are its parent's) and its operations,
     * set-up once per started batch, run time per unit.
     */
    private void plan(Connection db, Bom bom, BigDecimal quantity, LocalDate day, Map<String, BigDecimal> needs,
                      List<WorkOrderStore.PlannedOperation> operations, Deque<String> path) {
        BigDecimal batches = quantity.divide(bom.outputQuantity(), BomGraph.MC);
        BigDecimal started = batches.setScale(0, RoundingMode.CEILING).max(BigDecimal.ONE);
        for (BomComponent c : bom.components()) {
            BigDecimal need = batches.multiply(c.grossQuantity(), BomGraph.MC);
            Optional<Bom> sub = BomStore.inForce(db, c.sku(), day).filter(Bom::phantom);
            if (sub.isPresent()) {
                if (path.contains(c.sku())) {
                    throw new TesseraException(ManufacturingErrors.BOM_CYCLE, "The bills of materials in force form a"
                            + " cycle through " + c.sku() + "; make a new revision without it");
                }
                path.addLast(c.sku());
                plan(db, sub.get(), need, day, needs, operations, path);
                path.removeLast();
            } else {
                needs.merge(c.sku(), need, (a, b) -> a.add(b, BomGraph.MC));
            }
        }
        for (BomOperation op : bom.operations()) {
            WorkCenter center = WorkCenterStore.require(db, op.workCenter());
            BigDecimal hours = op.setupHours().multiply(started).add(op.runHoursPerUnit().multiply(quantity,
                    BomGraph.MC)).setScale(6, RoundingMode.HALF_UP);
            BigDecimal batchCost = center.costPerBatch().add(op.fixedCost()).multiply(started);
            operations.add(new WorkOrderStore.PlannedOperation(center.code(), op.description(), hours,
                    center.costPerHour(), batchCost));
        }
    }

    // ================================================================ release

    @Override
    public WorkOrder release(long id, String actor) {
        return transactions.required(db -> {
            WorkOrder before = locked(db, id);
            state(before, "released", EnumSet.of(WorkOrderStatus.DRAFT));
            List<ComponentsShortException.Shortage> shortages = new ArrayList<>();
            for (WorkOrderComponent c : before.components()) {
                BigDecimal available = stock.stock(c.sku(), before.warehouse()).stream().map(StockLevel::available)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (available.compareTo(c.required()) < 0) {
                    shortages.add(new ComponentsShortException.Shortage(c.sku(), c.required(),
                            BomStore.plain(available.max(BigDecimal.ZERO)),
                            BomStore.plain(c.required().subtract(available.max(BigDecimal.ZERO)))));
                }
            }
            if (!shortages.isEmpty()) {
                StringBuilder text = new StringBuilder(before.number() + " cannot be released: " + before.warehouse()
                        + " is short of ");
                for (int i = 0; i < shortages.size(); i++) {
                    ComponentsShortException.Shortage s = shortages.get(i);
                    text.append(i == 0 ? "" : "; ").append(s.sku()).append(" (needs ").append(plain(s.required()))
                            .append(", available ").append(plain(s.available())).append(", missing ")
                            .append(plain(s.missing())).append(')');
                }
                throw new ComponentsShortException(text + "; receive or transfer them first", shortages);
            }
            for (WorkOrderComponent c : before.components()) {
                Reservation r = stock.reserve(c.sku(), before.warehouse(), c.required(), before.number(), actor);
                WorkOrderStore.updateComponent(db, id, c.line(), Map.of("RESERVATION_ID", r.id()));
            }
            return step(db, before, Map.of("STATUS", WorkOrderStatus.RELEASED.name(), "RELEASED_BY", actor),
                    ManufacturingEvents.WORK_ORDER_RELEASED, actor);
        });
    }

    // ================================================================ issue

    @Override
    public WorkOrder issue(long id, List<IssueLine> lines, String actor) {
        List<FieldError> errors = new ArrayList<>();
        List<IssueLine> given = lines == null ? List.of() : lines;
        for (int i = 0; i < given.size(); i++) {
            IssueLine l = given.get(i);
            if (l == null) {
                errors.add(new FieldError("lines[" + i + "]", "is empty; give sku and quantity"));
                continue;
            }
            Checks.sku(l.sku(), "lines[" + i + "].sku", errors);
            quantity(l.quantity(), "lines[" + i + "].quantity", errors);
        }
        ValidationException.throwIfAny(ManufacturingErrors.INVALID, "The issue", errors);
        return transactions.required(db -> {
            WorkOrder before = locked(db, id);
            state(before, "issued to", RUNNING);
            Map<String, WorkOrderComponent> bySku = new LinkedHashMap<>();
            before.components().forEach(c -> bySku.put(c.sku().toUpperCase(java.util.Locale.ROOT), c));
            List<IssueLine> todo = new ArrayList<>();
            if (given.isEmpty()) {
                for (WorkOrderComponent c : before.components()) {
                    BigDecimal due = due(c);
                    if (due.signum() > 0) {
                        todo.add(new IssueLine(c.sku(), due, null, false));
                    }
                }
                if (todo.isEmpty()) {
                    throw new TesseraException(ManufacturingErrors.WORK_ORDER_STATE, before.number() + " has every"
                            + " component issued; report more as scrap (scrap: true)");
                }
            } else {
                todo.addAll(given);
            }
            Map<Integer, BigDecimal[]> sums = new LinkedHashMap<>();
            for (int i = 0; i < todo.size(); i++) {
                IssueLine l = todo.get(i);
                WorkOrderComponent c = bySku.get(l.sku().trim().toUpperCase(java.util.Locale.ROOT));
                if (c == null) {
                    throw new ValidationException(ManufacturingErrors.NOT_IN_ORDER, l.sku() + " is not a component of "
                            + before.number(), List.of(new FieldError("lines[" + i + "].sku", "is not one of "
                            + before.components().stream().map(WorkOrderComponent::sku).toList())));
                }
                boolean scrap = Boolean.TRUE.equals(l.scrap());
                BigDecimal[] sum = sums.computeIfAbsent(c.line(), k -> new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO});
                if (!scrap && sum[0].subtract(sum[1]).add(l.quantity()).compareTo(due(c)) > 0) {
                    throw new ValidationException(ManufacturingErrors.INVALID, "More " + c.sku() + " than "
                            + before.number() + " still needs", List.of(new FieldError("lines[" + i + "].quantity",
                            "is more than the " + plain(due(c).subtract(sum[0].subtract(sum[1])).max(BigDecimal.ZERO))
                            + " still due; report what was spoiled as scrap (scrap: true)")));
                }
                Long reservation = c.reservationId() == null ? null : stock.reservation(c.reservationId())
                        .filter(r -> "ACTIVE".equals(r.state())).map(Reservation::id).orElse(null);
                // scrap comes on top of what is due, from free stock: the reservation stays for what is due
                StockMove move = stock.issue(new Issue(c.sku(), before.warehouse(), null, blank(l.lot()), l.quantity(),
                        before.number(), scrap ? null : reservation), actor);
                sum[0] = sum[0].add(l.quantity());
                sum[1] = sum[1].add(scrap ? l.quantity() : BigDecimal.ZERO);
                sum[2] = sum[2].add(move.value().setScale(2, RoundingMode.HALF_UP));
            }
            for (Map.Entry<Integer, BigDecimal[]> e : sums.entrySet()) {
                WorkOrderComponent c = before.components().get(e.getKey() - 1);
                WorkOrderStore.updateComponent(db, id, c.line(), Map.of("ISSUED", c.issued().add(e.getValue()[0]),
                        "SCRAPPED", c.scrapped().add(e.getValue()[1]), "ISSUED_VALUE",
                        c.issuedValue().add(e.getValue()[2])));
            }
            return step(db, before, started(before), ManufacturingEvents.WORK_ORDER_ISSUED, actor);
        });
    }

    /** What is still to issue of a component: required less what was issued and not spoiled. */
    private static BigDecimal due(WorkOrderComponent c) {
        return c.required().subtract(c.issued().subtract(c.scrapped())).max(BigDecimal.ZERO);
    }

    // ================================================================ time

    @Override
    public WorkOrder recordTime(long id, List<OperationTime> times, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (times == null || times.isEmpty()) {
            errors.add(new FieldError("times", "needs at least one operation's hours (sequence, hours)"));
        } else {
            for (int i = 0; i < times.size(); i++) {
                OperationTime t = times.get(i);
                if (t == null) {
                    errors.add(new FieldError("times[" + i + "]", "is empty; give sequence and hours"));
                } else if (t.hours() == null || t.hours().signum() <= 0 || t.hours().compareTo(new BigDecimal(100000)) > 0
                        || t.hours().stripTrailingZeros().scale() > 4) {
                    errors.add(new FieldError("times[" + i + "].hours", "must be above 0 and at most 100000 hours,"
                            + " with at most 4 decimals"));
                }
            }
        }
        ValidationException.throwIfAny(ManufacturingErrors.INVALID, "The time", errors);
        return transactions.required(db -> {
            WorkOrder before = locked(db, id);
            state(before, "given time", RUNNING);
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            Map<Integer, WorkOrderOperation> bySeq = new LinkedHashMap<>();
            before.operations().forEach(o -> bySeq.put(o.sequence(), o));
            Map<Integer, BigDecimal[]> after = new LinkedHashMap<>();
            for (int i = 0; i < times.size(); i++) {
                OperationTime t = times.get(i);
                WorkOrderOperation op = bySeq.get(t.sequence());
                Object[] costs = WorkOrderStore.operationCosts(db, id, t.sequence());
                if (op == null || costs == null) {
                    throw new ValidationException(ManufacturingErrors.NOT_IN_ORDER, before.number() + " has no"
                            + " operation " + t.sequence(), List.of(new FieldError("times[" + i + "].sequence",
                            "is not one of " + bySeq.keySet())));
                }
                BigDecimal[] now = after.computeIfAbsent(t.sequence(), k -> new BigDecimal[] {op.actualHours(),
                        op.actualCost()});
                BigDecimal cost = t.hours().multiply(Sql.decimal(costs[0]));
                if (now[0].signum() == 0) {
                    cost = cost.add(Sql.decimal(costs[1])); // the batches' costs, once
                }
                cost = cost.setScale(2, RoundingMode.HALF_UP);
                now[0] = now[0].add(t.hours());
                now[1] = now[1].add(cost);
                total = total.add(cost);
            }
            after.forEach((seq, v) -> WorkOrderStore.updateOperation(db, id, seq, v[0], v[1]));
            WorkOrder changed = change(db, before, started(before));
            long record = Sql.nextId(db, "MFG_SEQUENCE", "time");
            events.publish(db, ManufacturingEvents.WORK_ORDER_TIME_RECORDED.event(Long.toString(id),
                    changed.version(), actor, costs(changed, record, total, BigDecimal.ZERO, BigDecimal.ZERO),
                    Changes.created(Map.of("operationsCost", total))));
            return changed;
        });
    }

    // ================================================================ completion

    @Override
    public WorkOrder complete(long id, BigDecimal quantity, String lot, String actor) {
        List<FieldError> errors = new ArrayList<>();
        quantity(quantity, "quantity", errors);
        ValidationException.throwIfAny(ManufacturingErrors.INVALID, "The completion", errors);
        return transactions.required(db -> {
            WorkOrder before = locked(db, id);
            state(before, "completed", EnumSet.of(WorkOrderStatus.RELEASED, WorkOrderStatus.IN_PROGRESS));
            BigDecimal open = before.quantity().subtract(before.completed());
            if (quantity.compareTo(open) > 0) {
                throw new ValidationException(ManufacturingErrors.OVER_COMPLETION, before.number() + " plans "
                        + plain(before.quantity()) + " " + before.sku() + ", " + plain(before.completed())
                        + " finished", List.of(new FieldError("quantity", "must be at most " + plain(open)
                        + " (what is still to make), not " + plain(quantity))));
            }
            BigDecimal unit = before.standardMaterials().add(before.standardOperations());
            StockMove move = stock.receive(new Receipt(before.sku(), before.warehouse(), null, blank(lot), quantity,
                    unit, before.number()), actor);
            BigDecimal finished = WorkOrderStore.finishedValue(db, id).add(move.value())
                    .add(move.variance() == null ? BigDecimal.ZERO : move.variance());
            BigDecimal completed = before.completed().add(quantity);
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("COMPLETED", completed);
            set.put("FINISHED_VALUE", finished);
            set.put("STATUS", (completed.compareTo(before.quantity()) >= 0 ? WorkOrderStatus.COMPLETED
                    : WorkOrderStatus.IN_PROGRESS).name());
            return step(db, before, set, ManufacturingEvents.WORK_ORDER_COMPLETED, actor);
        });
    }

    // ================================================================ close and cancel

    @Override
    public WorkOrder close(long id, String actor) {
        return transactions.required(db -> {
            WorkOrder before = locked(db, id);
            state(before, "closed", RUNNING);
            releaseReservations(before, actor);
            BigDecimal finished = WorkOrderStore.finishedValue(db, id);
            BigDecimal standardMaterials = before.completed().multiply(before.standardMaterials())
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal materialsVariance = before.actualMaterials().subtract(standardMaterials)
                    .setScale(2, RoundingMode.HALF_UP);
            // what is left in work in progress for the order, all of it: its operations' share is the rest
            BigDecimal left = before.actualMaterials().add(before.actualOperations()).subtract(finished)
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal operationsVariance = left.subtract(materialsVariance);
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("STATUS", WorkOrderStatus.CLOSED.name());
            set.put("CLOSED_BY", actor);
            set.put("MATERIALS_VARIANCE", materialsVariance);
            set.put("OPERATIONS_VARIANCE", operationsVariance);
            WorkOrder closed = change(db, before, set);
            events.publish(db, ManufacturingEvents.WORK_ORDER_CLOSED.event(Long.toString(id), closed.version(),
                    actor, costs(closed, 0, BigDecimal.ZERO.setScale(2), materialsVariance, operationsVariance),
                    Changes.diff(Map.of("status", before.status().name()), Map.of("status", "CLOSED"))));
            return closed;
        });
    }

    @Override
    public WorkOrder cancel(long id, String actor) {
        return transactions.required(db -> {
            WorkOrder before = locked(db, id);
            state(before, "cancelled", EnumSet.of(WorkOrderStatus.DRAFT, WorkOrderStatus.RELEASED));
            releaseReservations(before, actor);
            return step(db, before, Map.of("STATUS", WorkOrderStatus.CANCELLED.name()),
                    ManufacturingEvents.WORK_ORDER_CANCELLED, actor);
        });
    }

    private void releaseReservations(WorkOrder order, String actor) {
        for (WorkOrderComponent c : order.components()) {
            if (c.reservationId() != null && stock.reservation(c.reservationId())
                    .filter(r -> "ACTIVE".equals(r.state())).isPresent()) {
                stock.release(c.reservationId(), actor);
            }
        }
    }

    // ================================================================ helpers

    private static WorkOrder locked(Connection db, long id) {
        WorkOrderStore.lock(db, id);
        return WorkOrderStore.require(db, id);
    }

    private static void state(WorkOrder order, String what, Set<WorkOrderStatus> allowed) {
        if (!allowed.contains(order.status())) {
            throw new TesseraException(ManufacturingErrors.WORK_ORDER_STATE, order.number() + " is "
                    + order.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "; only a "
                    + String.join(" or ", allowed.stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ')).toList()) + " work order can be " + what);
        }
    }

    private static Map<String, Object> started(WorkOrder order) {
        return order.status() == WorkOrderStatus.RELEASED ? Map.of("STATUS", WorkOrderStatus.IN_PROGRESS.name())
                : Map.of();
    }

    private static WorkOrder change(Connection db, WorkOrder before, Map<String, Object> set) {
        WorkOrderStore.update(db, before, set);
        return WorkOrderStore.require(db, before.id());
    }

    private WorkOrder step(Connection db, WorkOrder before, Map<String, Object> set,
                           EventType<WorkOrderDetails> type, String actor) {
        WorkOrder after = change(db, before, set);
        events.publish(db, type.changed(Long.toString(after.id()), after.version(), actor,
                WorkOrderStore.details(before), WorkOrderStore.details(after)));
        return after;
    }

    private static WorkOrderCosts costs(WorkOrder w, long record, BigDecimal operationsCost,
                                        BigDecimal materialsVariance, BigDecimal operationsVariance) {
        return new WorkOrderCosts(w.id(), w.number(), w.sku(), w.warehouse(), LocalDate.now(), record, operationsCost,
                w.completed(), w.actualMaterials(), w.actualOperations(), materialsVariance, operationsVariance);
    }

    /** A quantity above zero with at most 4 decimals (as the inventory keeps them); required. */
    private static BigDecimal quantity(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.signum() <= 0 || value.compareTo(LIMIT) >= 0 || value.stripTrailingZeros().scale() > 4) {
            errors.add(new FieldError(field, "must be greater than zero, below 10^9, with at most 4 decimals, not "
                    + Checks.shown(value)));
        }
        return value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String plain(BigDecimal value) {
        return BomStore.plain(value).toPlainString();
    }
}
