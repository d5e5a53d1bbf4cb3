package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.IncomingSupply;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.Warehouse;
import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.BomOperation;
import dev.tessera.erp.manufacturing.api.ManufacturingErrors;
import dev.tessera.erp.manufacturing.api.Mrp;
import dev.tessera.erp.manufacturing.api.MrpMessage;
import dev.tessera.erp.manufacturing.api.MrpMessageKind;
import dev.tessera.erp.manufacturing.api.MrpRun;
import dev.tessera.erp.manufacturing.api.MrpRunStatus;
import dev.tessera.erp.manufacturing.api.NewWorkOrder;
import dev.tessera.erp.manufacturing.api.PlannedOrder;
import dev.tessera.erp.manufacturing.api.PlannedOrderKind;
import dev.tessera.erp.manufacturing.api.PlannedOrderStatus;
import dev.tessera.erp.manufacturing.api.WorkCenter;
import dev.tessera.erp.manufacturing.api.WorkOrder;
import dev.tessera.erp.manufacturing.api.WorkOrderComponent;
import dev.tessera.erp.manufacturing.api.WorkOrderStatus;
import dev.tessera.erp.manufacturing.api.WorkOrders;
import dev.tessera.erp.manufacturing.api.event.ManufacturingEvents;
import dev.tessera.erp.manufacturing.api.event.PlannedOrderDetails;
import dev.tessera.erp.purchasing.api.NewPurchaseOrder;
import dev.tessera.erp.purchasing.api.NewPurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchaseOrders;
import dev.tessera.erp.purchasing.api.VendorChoice;
import dev.tessera.erp.purchasing.api.Vendors;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.EventLog;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.FieldChange;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Neighbours;
import dev.tessera.platform.support.Sql;

/**
 * MRP over the inventory's stock, manufacturing's bills and work orders, sales' open orders (manufacturing's copy)
 * and purchasing's orders (the inventory's copy of what is on order; purchasing's own API for vendors and for
 * firming, when it is enabled). A run is a row whose progress moves in transactions of its own; its plan replaces
 * the previous run's planned orders in one transaction at its end.
 */
@Component(service = Mrp.class)
public final class MrpImpl implements Mrp {
    private static final Logger LOG = LoggerFactory.getLogger(MrpImpl.class);
    /** A RUNNING run whose progress has not moved for this long was interrupted (its node stopped). */
    static final Duration STALE = Duration.ofMinutes(5);
    /** Work orders still to finish or still holding components (a completed one is issued to until it is closed). */
    private static final Set<WorkOrderStatus> OPEN = EnumSet.of(WorkOrderStatus.DRAFT, WorkOrderStatus.RELEASED,
            WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.COMPLETED);
    /** Purchase order statuses that bring nothing more. */
    private static final Set<String> DONE = Set.of(PurchaseOrderStatus.RECEIVED.name(),
            PurchaseOrderStatus.BILLED.name(), PurchaseOrderStatus.CLOSED.name(), PurchaseOrderStatus.CANCELLED.name());
    private static final String RUN_COLUMNS = "ID, STATUS, ITEMS, ITEMS_PLANNED, PLANNED_MAKE, PLANNED_BUY, NOTE,"
            + " STARTED_AT, FINISHED_AT, STARTED_BY";
    private static final String ORDER_COLUMNS = "ID, RUN_ID, KIND, SKU, QUANTITY, START_DATE, DUE_DATE, WAREHOUSE,"
            + " LOW_LEVEL, VENDOR_CODE, STATUS, FIRMED_AS, PEGGING, NOTE, FIRMED_AT, FIRMED_BY";

    private final Transactions transactions;
    private final EventPublisher events;
    private final Catalog catalog;
    private final StockService stock;
    private final WorkOrders workOrders;
    private final EventLog eventLog;
    private final ModuleManager modules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Vendors vendors;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PurchaseOrders purchaseOrders;

    @Activate
    public MrpImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                   @Reference(target = "(tessera.module=erp-manufacturing)") ModuleSchema schema,
                   @Reference Catalog catalog, @Reference StockService stock, @Reference WorkOrders workOrders,
                   @Reference EventLog eventLog, @Reference ModuleManager modules) {
        this.eventLog = eventLog;
        this.modules = modules;
        this.transactions = transactions;
        this.events = events;
        this.catalog = catalog;
        this.stock = stock;
        this.workOrders = workOrders;
    }

    // ================================================================ runs

    @Override
    public MrpRun run(String actor, Consumer<MrpRun> progress) {
        long id = begin(actor);
        return execute(id, progress == null ? r -> { } : progress);
    }

    @Override
    public MrpRun start(String actor) {
        long id = begin(actor);
        MrpRun started = require(id);
        Thread thread = new Thread(() -> {
            try {
                execute(id, r -> { });
            } catch (Throwable e) {
                LOG.warn("MRP run {} failed: {}", id, String.valueOf(e.getMessage()), e);
            }
        }, "tessera-mrp-" + id);
        thread.setDaemon(true);
        // the run's row commits with the caller's transaction (a REST request's): the run starts once it is there,
        // and never when it rolls back
        transactions.afterCommit(thread::start);
        return started;
    }

    /** The run's row, RUNNING: refused while another run is going; one that stopped moving is marked FAILED. */
    private long begin(String actor) {
        return transactions.required(db -> {
            long id = Sql.nextId(db, "MFG_SEQUENCE", "mrp-run"); // the row lock: runs begin one at a time
            Instant now = Instant.now();
            running(db, now).ifPresent(other -> {
                throw new TesseraException(ManufacturingErrors.MRP_RUNNING, "MRP run " + other + " is still going;"
                        + " wait for it to finish (manufacturing:mrp-runs shows its progress)");
            });
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ID", id);
            row.put("STATUS", MrpRunStatus.RUNNING.name());
            row.put("ITEMS", 0);
            row.put("ITEMS_PLANNED", 0);
            row.put("PLANNED_MAKE", 0);
            row.put("PLANNED_BUY", 0);
            row.put("STARTED_AT", Timestamp.from(now));
            row.put("UPDATED_AT", Timestamp.from(now));
            row.put("STARTED_BY", actor);
            Sql.insert(db, "MFG_MRP_RUN", row);
            // progress is timed by the database's clock, the same for every node
            Sql.execute(db, "UPDATE MFG_MRP_RUN SET UPDATED_AT = CURRENT_TIMESTAMP WHERE ID = ?", id);
            return id;
        });
    }

    /**
     * The run that is going, if any; a RUNNING run whose progress has not moved for {@link #STALE} was interrupted
     * (its node stopped) and is marked FAILED here. Callers hold the {@code mrp-run} sequence row lock.
     */
    private static Optional<Long> running(Connection db, Instant now) {
        Optional<Long> going = Optional.empty();
        for (Object[] r : Sql.rows(db, "SELECT ID, UPDATED_AT, CURRENT_TIMESTAMP FROM MFG_MRP_RUN WHERE STATUS = ?",
                MrpRunStatus.RUNNING.name())) {
            Instant updated = Sql.instant(r[1]);
            Instant databaseNow = Sql.instant(r[2]);
            if (updated.isAfter(databaseNow.minus(STALE))) {
                going = Optional.of(Sql.longValue(r[0]));
            } else {
                Sql.execute(db, "UPDATE MFG_MRP_RUN SET STATUS = ?, NOTE = ?, FINISHED_AT = ? WHERE ID = ?",
                        MrpRunStatus.FAILED.name(), "interrupted: its progress stopped at " + updated,
                        Timestamp.from(now), Sql.longValue(r[0]));
            }
        }
        return going;
    }

    /** Moves the run's progress; a run no longer RUNNING (found interrupted meanwhile) stops here. */
    private void progress(long id, String set, Object... args) {
        transactions.run(db -> {
            Object[] all = new Object[args.length + 1];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = id;
            if (Sql.execute(db, "UPDATE MFG_MRP_RUN SET " + set + "UPDATED_AT = CURRENT_TIMESTAMP WHERE ID = ?"
                    + " AND STATUS = 'RUNNING'", all) == 0) {
                throw new TesseraException(ManufacturingErrors.MRP_RUNNING, "MRP run " + id + " was taken for"
                        + " interrupted and stops; start a new one");
            }
        });
    }

    private MrpRun execute(long id, Consumer<MrpRun> progress) {
        LocalDate today = LocalDate.now();
        try {
            String behind = awaitCopies();
            progress(id, "");
            World world = new World(today);
            int items = world.items().size();
            progress(id, "ITEMS = ?, ", items);
            progress.accept(require(id));
            MrpPlanner planner = new MrpPlanner(world, today);
            List<MrpPlanner.Planned> plan = planner.plan(done -> {
                progress(id, "ITEMS_PLANNED = ?, ", Math.min(done, items));
                progress.accept(require(id));
            });
            List<MrpPlanner.Message> messages = planner.messages();
            Set<String> skipped = planner.skipped();
            List<String> notes = new ArrayList<>();
            if (behind != null) {
                notes.add(behind);
            }
            if (world.note() != null) {
                notes.add(world.note());
            }
            long expedite = messages.stream().filter(m -> m.kind() == MrpMessageKind.EXPEDITE).count();
            if (expedite > 0) {
                notes.add(expedite + " order" + (expedite == 1 ? "" : "s") + " on the way to bring forward");
            }
            if (!skipped.isEmpty()) {
                notes.add(skipped.size() + " item" + (skipped.size() == 1 ? "" : "s") + " not planned, their last"
                        + " plan kept: " + String.join(", ", planner.failures()));
            }
            if (!messages.isEmpty()) {
                notes.add("manufacturing:mrp-messages " + id + " lists them");
            }
            String joined = String.join("; ", notes);
            String note = joined.isEmpty() ? null : joined.length() > 1000 ? joined.substring(0, 997) + "..." : joined;
            transactions.run(db -> {
                // one plan at a time: the lock begin() takes, and this run must still be the one going
                Sql.execute(db, "UPDATE MFG_SEQUENCE SET NEXT_VALUE = NEXT_VALUE WHERE NAME = 'mrp-run'");
                if (Sql.execute(db, "UPDATE MFG_MRP_RUN SET UPDATED_AT = CURRENT_TIMESTAMP WHERE ID = ? AND STATUS ="
                        + " 'RUNNING'", id) == 0) {
                    throw new TesseraException(ManufacturingErrors.MRP_RUNNING, "MRP run " + id + " was taken for"
                            + " interrupted; its plan is dropped");
                }
                // the last plan goes, but for the items this run could not plan
                List<Object[]> gone = new ArrayList<>();
                for (Object[] r : Sql.rows(db, "SELECT ID, SKU FROM MFG_PLANNED_ORDER WHERE STATUS = ?",
                        PlannedOrderStatus.PLANNED.name())) {
                    if (!skipped.contains((String) r[1])) {
                        gone.add(new Object[] {r[0]});
                    }
                }
                Sql.batch(db, "DELETE FROM MFG_PLANNED_ORDER WHERE ID = ?", gone);
                int sequence = 0;
                for (MrpPlanner.Message m : messages) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("RUN_ID", id);
                    row.put("SEQ", ++sequence);
                    row.put("KIND", m.kind().name());
                    row.put("SKU", m.sku());
                    row.put("REFERENCE", m.reference());
                    row.put("QUANTITY", m.quantity());
                    row.put("DUE_DATE", m.dueDate());
                    row.put("NEEDED_DATE", m.neededDate());
                    row.put("TEXT", m.text() == null ? null : m.text().length() > 1000 ? m.text().substring(0, 997)
                            + "..." : m.text());
                    Sql.insert(db, "MFG_MRP_MESSAGE", row);
                }
                int make = 0;
                int buy = 0;
                for (MrpPlanner.Planned p : plan) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("ID", Sql.nextId(db, "MFG_SEQUENCE", "planned-order"));
                    row.put("RUN_ID", id);
                    row.put("KIND", p.kind().name());
                    row.put("SKU", p.sku());
                    row.put("QUANTITY", p.quantity());
                    row.put("START_DATE", p.start());
                    row.put("DUE_DATE", p.due());
                    row.put("WAREHOUSE", p.warehouse());
                    row.put("LOW_LEVEL", p.lowLevelCode());
                    row.put("VENDOR_CODE", p.vendorCode());
                    row.put("STATUS", PlannedOrderStatus.PLANNED.name());
                    row.put("PEGGING", p.pegging());
                    row.put("NOTE", p.note());
                    Sql.insert(db, "MFG_PLANNED_ORDER", row);
                    if (p.kind() == PlannedOrderKind.MAKE) {
                        make++;
                    } else {
                        buy++;
                    }
                }
                Sql.execute(db, "UPDATE MFG_MRP_RUN SET STATUS = ?, ITEMS_PLANNED = ITEMS, PLANNED_MAKE = ?,"
                        + " PLANNED_BUY = ?, NOTE = ?, UPDATED_AT = ?, FINISHED_AT = ? WHERE ID = ?",
                        MrpRunStatus.FINISHED.name(), make, buy, note, Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()), id);
            });
            MrpRun finished = require(id);
            progress.accept(finished);
            LOG.info("MRP run {} planned {} to make and {} to buy for {} items", id, finished.plannedMake(),
                    finished.plannedBuy(), finished.items());
            return finished;
        } catch (RuntimeException | Error e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            transactions.run(db -> Sql.execute(db, "UPDATE MFG_MRP_RUN SET STATUS = ?, NOTE = ?, FINISHED_AT = ?"
                    + " WHERE ID = ? AND STATUS = 'RUNNING'", MrpRunStatus.FAILED.name(),
                    why.length() > 1000 ? why.substring(0, 1000) : why, Timestamp.from(Instant.now()), id));
            throw e;
        }
    }

    /** The copies a run reads: sales' orders and purchasing's orders, as manufacturing and the inventory keep them. */
    private static final Set<String> COPIES = Set.of(SalesDemand.SUBSCRIBER_ID, PurchaseCopies.SUBSCRIBER_ID,
            "erp-inventory.incoming");

    /**
     * Lets the copies of other modules' orders catch up before the run reads them (at most 30 s), so that a run
     * started right after orders were confirmed or approved plans with them; says how far behind they still are.
     */
    private String awaitCopies() {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            long behind = eventLog.subscribers().stream().filter(s -> COPIES.contains(s.subscriberId()) && s.present())
                    .mapToLong(s -> s.behind()).sum();
            if (behind == 0) {
                return null;
            }
            if (System.nanoTime() > until) {
                return "the copies of sales' and purchasing's orders were " + behind + " events behind: planned"
                        + " without them";
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while the copies of sales' and purchasing's orders caught up";
            }
        }
    }

    @Override
    public List<MrpRun> runs(long beforeId, int limit) {
        int max = Math.max(1, Math.min(limit, Page.MAX_LIMIT + 1));
        long before = beforeId <= 0 ? Long.MAX_VALUE : beforeId;
        return transactions.required(db -> Sql.rows(db, max, "SELECT " + RUN_COLUMNS + " FROM MFG_MRP_RUN WHERE ID < ?"
                + " ORDER BY ID DESC", before).stream().map(MrpImpl::run).toList());
    }

    @Override
    public Optional<MrpRun> runById(long id) {
        return transactions.required(db -> Optional.ofNullable(Sql.row(db, "SELECT " + RUN_COLUMNS
                + " FROM MFG_MRP_RUN WHERE ID = ?", id)).map(MrpImpl::run));
    }

    @Override
    public List<MrpMessage> messages(long runId) {
        return transactions.required(db -> Sql.rows(db, "SELECT RUN_ID, SEQ, KIND, SKU, REFERENCE, QUANTITY, DUE_DATE,"
                + " NEEDED_DATE, TEXT FROM MFG_MRP_MESSAGE WHERE RUN_ID = ? ORDER BY SEQ", runId).stream()
                .map(r -> new MrpMessage(Sql.longValue(r[0]), Sql.intValue(r[1]), MrpMessageKind.valueOf((String) r[2]),
                        (String) r[3], (String) r[4], r[5] == null ? null : BomStore.plain((BigDecimal) r[5]),
                        r[6] == null ? null : Sql.date(r[6]), r[7] == null ? null : Sql.date(r[7]), (String) r[8]))
                .toList());
    }

    private MrpRun require(long id) {
        return runById(id).orElseThrow(() -> new TesseraException(ManufacturingErrors.MRP_RUN_NOT_FOUND,
                "No MRP run " + id));
    }

    private static MrpRun run(Object[] r) {
        return new MrpRun(Sql.longValue(r[0]), MrpRunStatus.valueOf((String) r[1]), Sql.intValue(r[2]),
                Sql.intValue(r[3]), Sql.intValue(r[4]), Sql.intValue(r[5]), (String) r[6], Sql.instant(r[7]),
                r[8] == null ? null : Sql.instant(r[8]), (String) r[9]);
    }

    // ================================================================ planned orders

    @Override
    public List<PlannedOrder> plannedOrders(PlannedOrderKind kind, PlannedOrderStatus status, String sku,
                                            long afterId, int limit) {
        int max = Math.max(1, Math.min(limit, Page.MAX_LIMIT + 1));
        Sql.Where where = new Sql.Where("ID > ?", afterId).and("KIND", kind == null ? null : kind.name())
                .and("STATUS", status == null ? null : status.name())
                .and("SKU", sku == null || sku.isBlank() ? null : sku.trim());
        return transactions.required(db -> Sql.rows(db, max, "SELECT " + ORDER_COLUMNS + " FROM MFG_PLANNED_ORDER"
                + " WHERE " + where.sql() + " ORDER BY ID", where.args()).stream().map(MrpImpl::order).toList());
    }

    @Override
    public Optional<PlannedOrder> plannedOrder(long id) {
        return transactions.required(db -> order(db, id));
    }

    private static Optional<PlannedOrder> order(Connection db, long id) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + ORDER_COLUMNS + " FROM MFG_PLANNED_ORDER WHERE ID = ?", id))
                .map(MrpImpl::order);
    }

    private static PlannedOrder order(Object[] r) {
        return new PlannedOrder(Sql.longValue(r[0]), Sql.longValue(r[1]), PlannedOrderKind.valueOf((String) r[2]),
                (String) r[3], BomStore.plain((BigDecimal) r[4]), Sql.date(r[5]), Sql.date(r[6]), (String) r[7],
                Sql.intValue(r[8]), (String) r[9], PlannedOrderStatus.valueOf((String) r[10]), (String) r[11],
                (String) r[12], (String) r[13], r[14] == null ? null : Sql.instant(r[14]), (String) r[15]);
    }

    @Override
    public PlannedOrder firm(long id, String actor) {
        return transactions.required(db -> {
            // first the run lock (the order a run's last transaction takes them in): a run going now read its
            // supply before this order is made and would plan the same need again
            Sql.execute(db, "UPDATE MFG_SEQUENCE SET NEXT_VALUE = NEXT_VALUE WHERE NAME = 'mrp-run'");
            Optional<Long> going = running(db, Instant.now());
            if (going.isPresent()) {
                throw new TesseraException(ManufacturingErrors.MRP_RUNNING, "MRP run " + going.get() + " is going:"
                        + " firm planned orders once it has finished (manufacturing:mrp-runs)");
            }
            // then the row lock: two planners firming the same order make one document
            if (Sql.execute(db, "UPDATE MFG_PLANNED_ORDER SET STATUS = STATUS WHERE ID = ?", id) == 0) {
                throw new TesseraException(ManufacturingErrors.PLANNED_ORDER_NOT_FOUND, "No planned order " + id
                        + " (manufacturing:planned-orders lists those of the latest MRP run)");
            }
            PlannedOrder planned = order(db, id).orElseThrow();
            if (planned.status() == PlannedOrderStatus.FIRMED) {
                throw new TesseraException(ManufacturingErrors.PLANNED_ORDER_FIRMED, "Planned order " + id
                        + " was firmed already as " + planned.firmedAs());
            }
            // the document is due when it can be: a late planned order's lead time counts from today
            LocalDate today = LocalDate.now();
            long lead = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(planned.startDate(), planned.dueDate()));
            LocalDate earliest = today.plusDays(lead);
            LocalDate due = planned.dueDate().isBefore(earliest) ? earliest : planned.dueDate();
            String note = "planned order " + id + " of MRP run " + planned.runId();
            String document;
            if (planned.kind() == PlannedOrderKind.MAKE) {
                // made from the revision the run planned it with: the one in force on the day it starts
                LocalDate start = planned.startDate().isBefore(today) ? today : planned.startDate();
                WorkOrder order = workOrders.create(new NewWorkOrder(planned.sku(), planned.quantity(),
                        planned.warehouse() == null ? defaultWarehouse() : planned.warehouse(), due, note, start),
                        actor);
                document = order.number();
            } else {
                // null while purchasing is not enabled; refused (503) while it is enabled but restarting
                PurchaseOrders orders = Neighbours.optional(purchaseOrders, "erp-purchasing", modules);
                Vendors known = Neighbours.optional(vendors, "erp-purchasing", modules);
                if (orders == null || known == null) {
                    throw new TesseraException(ManufacturingErrors.PURCHASING_NOT_ENABLED, "Purchasing is not enabled:"
                            + " buy " + planned.quantity().toPlainString() + " " + planned.sku() + " by hand, or enable"
                            + " erp-purchasing (tessera:enable erp-purchasing) to firm planned purchases");
                }
                String vendor = planned.vendorCode();
                BigDecimal quantity = planned.quantity();
                if (vendor == null) {
                    // no vendor when it was planned (or purchasing was away): purchasing's choice now, at its minimum
                    VendorChoice choice = known.preferredVendor(planned.sku(), planned.quantity(), today)
                            .orElseThrow(() -> new TesseraException(ManufacturingErrors.NO_VENDOR, "No active vendor"
                                    + " has a price agreement for " + planned.sku() + " valid today; add one in"
                                    + " purchasing and firm again"));
                    vendor = choice.vendorCode();
                    quantity = choice.quantity();
                }
                PurchaseOrder order = orders.createOrder(new NewPurchaseOrder(null, vendor, today,
                        planned.warehouse(), List.of(new NewPurchaseOrderLine(planned.sku(), null, quantity,
                        null, null, due, null)), "From " + note), actor);
                document = order.number();
                // what becomes of the order, purchasing's events tell (PurchaseCopies): a draft is supply MRP counts
                Sql.execute(db, "UPDATE MFG_PLANNED_ORDER SET DOCUMENT_STATUS = ?, DOCUMENT_QUANTITY = ?,"
                        + " DOCUMENT_DATE = ?, DOCUMENT_VERSION = 0 WHERE ID = ?", order.status().name(),
                        quantity, due, id);
            }
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("STATUS", PlannedOrderStatus.FIRMED.name());
            set.put("FIRMED_AS", document);
            set.put("FIRMED_AT", Timestamp.from(Instant.now()));
            set.put("FIRMED_BY", actor);
            Sql.update(db, "MFG_PLANNED_ORDER", set, "ID = ?", id);
            PlannedOrder firmed = order(db, id).orElseThrow();
            events.publish(db, ManufacturingEvents.PLANNED_ORDER_FIRMED.event(Long.toString(id), 2, actor,
                    new PlannedOrderDetails(id, firmed.runId(), firmed.kind().name(), firmed.sku(), firmed.quantity(),
                            firmed.dueDate(), firmed.warehouse(), firmed.vendorCode(), document),
                    Map.of("status", new FieldChange(PlannedOrderStatus.PLANNED.name(), PlannedOrderStatus.FIRMED.name()),
                            "firmedAs", new FieldChange(null, document))));
            return firmed;
        });
    }

    private String defaultWarehouse() {
        return stock.warehouses().stream().map(Warehouse::code).findFirst().orElse(null);
    }

    // ================================================================ what a run reads

    /**
     * The world as a run sees it, read at its start in one transaction (catalog, stock, what is on order, work
     * orders, sales' open orders as manufacturing copies them, firmed purchases), so that what moves during the run
     * (a work order finished, an order shipped) is not counted twice.
     */
    private final class World implements MrpPlanner.Source {
        private final LocalDate today;
        private final Map<String, Item> catalogItems = new LinkedHashMap<>();
        private final List<String> items = new ArrayList<>();
        private final Map<String, BigDecimal> onHand = new HashMap<>();
        private final Map<String, List<MrpPlanner.Dated>> supply = new HashMap<>();
        private final Map<String, List<MrpPlanner.Dated>> demand = new HashMap<>();
        private final Map<String, WorkCenter> centers = new HashMap<>();
        private final Map<String, Optional<Bom>> bills = new HashMap<>();
        private final Map<String, List<Bom>> revisions = new HashMap<>();
        // null while purchasing is not enabled; a run while it is restarting is refused (503) rather than planned
        // without vendors
        private final Vendors vendorService = Neighbours.optional(vendors, "erp-purchasing", modules);
        private final String warehouse;
        private final List<String> notes = new ArrayList<>();

        World(LocalDate today) {
            this.today = today;
            this.warehouse = MrpImpl.this.defaultWarehouse();
            transactions.run(db -> {
                String after = null;
                List<Item> page;
                do {
                    page = catalog.items(after, 500);
                    for (Item i : page) {
                        after = i.sku();
                        catalogItems.put(i.sku(), i);
                        if (i.active()) {
                            items.add(i.sku());
                        }
                    }
                } while (page.size() == 500);
                for (String sku : items) {
                    onHand.put(sku, stock.stock(sku, null).stream().map(StockLevel::onHand)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
                }
                for (IncomingSupply in : stock.incoming(null)) {
                    add(supply, in.sku(), new MrpPlanner.Dated(in.expectedDate(), in.quantity(), in.orderNumber(),
                            in.warehouse()));
                }
                for (WorkCenter c : WorkCenterStore.centers(db, null, null, 10_000)) {
                    centers.put(c.code(), c);
                }
                for (WorkOrderStatus status : OPEN) {
                    long last = 0;
                    List<WorkOrder> orders;
                    do {
                        orders = WorkOrderStore.workOrders(db, status, null, last, 500);
                        for (WorkOrder w : orders) {
                            last = w.id();
                            workOrder(db, w);
                        }
                    } while (orders.size() == 500);
                }
                for (SalesDemand.Line l : SalesDemand.all(db)) {
                    add(demand, l.sku(), new MrpPlanner.Dated(l.due(), l.open(), l.orderNumber(), l.warehouse()));
                }
                // a firmed purchase is supply until its order is received, closed or cancelled (purchasing's events
                // keep its status, quantity and date here) — but not twice: once the inventory's copy of what is on
                // order has it (approved), that copy counts it
                Set<String> onOrder = new java.util.HashSet<>();
                supply.values().forEach(list -> list.forEach(d -> onOrder.add(d.reference())));
                for (Object[] r : Sql.rows(db, "SELECT SKU, COALESCE(DOCUMENT_QUANTITY, QUANTITY),"
                        + " COALESCE(DOCUMENT_DATE, DUE_DATE), FIRMED_AS, WAREHOUSE, DOCUMENT_STATUS FROM"
                        + " MFG_PLANNED_ORDER WHERE STATUS = ? AND KIND = ?", PlannedOrderStatus.FIRMED.name(),
                        PlannedOrderKind.BUY.name())) {
                    String status = (String) r[5];
                    if (status == null || DONE.contains(status) || onOrder.contains((String) r[3])) {
                        continue;
                    }
                    add(supply, (String) r[0], new MrpPlanner.Dated(Sql.date(r[2]), (BigDecimal) r[1], (String) r[3],
                            (String) r[4]));
                }
            });
            if (vendorService == null) {
                notes.add("purchasing is not enabled: planned purchases have no vendor or lead time and are bought"
                        + " by hand");
            }
        }

        /**
         * An open work order: what it still has to finish is supply on its due date; what it still needs of its
         * components is demand, today once it is released (they are being used), else on the day it has to start.
         */
        private void workOrder(Connection db, WorkOrder w) {
            BigDecimal rest = w.quantity().subtract(w.completed());
            if (rest.signum() > 0 && w.status() != WorkOrderStatus.COMPLETED) {
                add(supply, w.sku(), new MrpPlanner.Dated(w.dueDate(), rest, w.number(), w.warehouse()));
            }
            LocalDate needed = today;
            if (w.status() == WorkOrderStatus.DRAFT && w.dueDate() != null) {
                Optional<Bom> bill = BomStore.bom(db, w.bomId());
                needed = bill.isEmpty() ? w.dueDate() : w.dueDate().minusDays(makeDays(bill.get(), w.quantity()));
            }
            for (WorkOrderComponent c : w.components()) {
                // scrap was issued on top of what is due: it does not lower what is still to issue
                BigDecimal due = c.required().subtract(c.issued().subtract(c.scrapped()));
                if (due.signum() > 0) {
                    add(demand, c.sku(), new MrpPlanner.Dated(needed, due, w.number(), w.warehouse()));
                }
            }
        }

        String note() {
            return notes.isEmpty() ? null : String.join("; ", notes);
        }

        private static void add(Map<String, List<MrpPlanner.Dated>> map, String sku, MrpPlanner.Dated d) {
            map.computeIfAbsent(sku, k -> new ArrayList<>()).add(d);
        }

        @Override
        public List<String> items() {
            return items;
        }

        @Override
        public MrpPlanner.Facts facts(String sku) {
            Optional<Item> item = Optional.ofNullable(catalogItems.get(sku)).or(() -> catalog.item(sku));
            BigDecimal stocked = onHand.computeIfAbsent(sku, s -> stock.stock(s, null).stream()
                    .map(StockLevel::onHand).reduce(BigDecimal.ZERO, BigDecimal::add));
            BigDecimal safety = item.map(Item::reorderPoint).filter(p -> p != null && p.signum() > 0)
                    .orElse(BigDecimal.ZERO);
            BigDecimal lot = item.map(Item::reorderQuantity).filter(q -> q != null && q.signum() > 0).orElse(null);
            boolean whole = item.map(i -> catalog.countedInWholeUnits(i.uom())).orElse(false);
            return new MrpPlanner.Facts(stocked, safety, lot, whole);
        }

        @Override
        public Optional<Bom> bill(String sku, LocalDate day) {
            return bills.computeIfAbsent(sku + "@" + day, k -> transactions.required(db -> BomStore.inForce(db, sku,
                    day)));
        }

        @Override
        public List<Bom> bills(String sku) {
            return revisions.computeIfAbsent(sku, k -> transactions.required(db -> {
                Optional<Bom> now = BomStore.inForce(db, sku, today);
                List<Bom> all = new ArrayList<>();
                now.ifPresent(all::add);
                for (Bom b : BomStore.revisions(db, sku)) {
                    if (b.effectiveFrom().isAfter(today)) {
                        all.add(b);
                    }
                }
                return all;
            }));
        }

        @Override
        public List<MrpPlanner.Dated> supply(String sku) {
            return supply.getOrDefault(sku, List.of());
        }

        @Override
        public List<MrpPlanner.Dated> demand(String sku) {
            return demand.getOrDefault(sku, List.of());
        }

        @Override
        public int makeDays(Bom bill, BigDecimal quantity) {
            BigDecimal batches = quantity.divide(bill.outputQuantity(), BomGraph.MC).setScale(0, RoundingMode.CEILING)
                    .max(BigDecimal.ONE);
            BigDecimal days = BigDecimal.ZERO;
            for (BomOperation op : bill.operations()) {
                WorkCenter center = centers.get(op.workCenter());
                if (center == null || center.hoursPerDay().signum() <= 0) {
                    continue;
                }
                BigDecimal hours = op.setupHours().multiply(batches).add(op.runHoursPerUnit().multiply(quantity));
                days = days.add(hours.divide(center.hoursPerDay(), BomGraph.MC));
            }
            return days.setScale(0, RoundingMode.CEILING).min(BigDecimal.valueOf(MrpPlanner.MAX_LEAD_DAYS + 1))
                    .intValueExact();
        }

        @Override
        public Optional<MrpPlanner.Vendor> vendor(String sku, BigDecimal quantity) {
            Vendors service = vendorService;
            if (service == null) {
                return Optional.empty();
            }
            // purchasing's own choice, as its reorders make it
            return service.preferredVendor(sku, quantity, today).map(c -> new MrpPlanner.Vendor(c.vendorCode(),
                    c.leadTimeDays(), c.quantity()));
        }

        @Override
        public String noVendorReason() {
            return vendorService == null
                    ? "purchasing is not enabled: buy it by hand, or enable erp-purchasing to firm it"
                    : "no active vendor has a price agreement for it valid today: add one in purchasing to firm it";
        }

        @Override
        public String defaultWarehouse() {
            return warehouse;
        }
    }
}
