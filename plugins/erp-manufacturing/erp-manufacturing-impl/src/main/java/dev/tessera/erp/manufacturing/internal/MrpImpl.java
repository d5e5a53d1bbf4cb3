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
import dev.tessera.erp.purchasing.api.PriceAgreement;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchaseOrders;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.Vendors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.FieldChange;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
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
    private static final Set<WorkOrderStatus> OPEN = EnumSet.of(WorkOrderStatus.DRAFT, WorkOrderStatus.RELEASED,
            WorkOrderStatus.IN_PROGRESS);
    private static final String RUN_COLUMNS = "ID, STATUS, ITEMS, ITEMS_PLANNED, PLANNED_MAKE, PLANNED_BUY, NOTE,"
            + " STARTED_AT, FINISHED_AT, STARTED_BY";
    private static final String ORDER_COLUMNS = "ID, RUN_ID, KIND, SKU, QUANTITY, START_DATE, DUE_DATE, WAREHOUSE,"
            + " LOW_LEVEL, VENDOR_CODE, STATUS, FIRMED_AS, PEGGING, NOTE, FIRMED_AT, FIRMED_BY";

    private final Transactions transactions;
    private final EventPublisher events;
    private final Catalog catalog;
    private final StockService stock;
    private final WorkOrders workOrders;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Vendors vendors;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PurchaseOrders purchaseOrders;

    @Activate
    public MrpImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                   @Reference(target = "(tessera.module=erp-manufacturing)") ModuleSchema schema,
                   @Reference Catalog catalog, @Reference StockService stock, @Reference WorkOrders workOrders) {
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
        Thread thread = new Thread(() -> {
            try {
                // the run's row commits with the caller's transaction (a REST request's): wait until it is there
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (runById(id).isEmpty()) {
                    if (System.nanoTime() > until) {
                        return; // the caller's transaction rolled back: there is no run
                    }
                    Thread.sleep(100);
                }
                execute(id, r -> { });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("MRP run {} failed: {}", id, e.getMessage());
            }
        }, "tessera-mrp-" + id);
        thread.setDaemon(true);
        MrpRun started = require(id);
        thread.start();
        return started;
    }

    /** The run's row, RUNNING: refused while another run is going; one that stopped moving is marked FAILED. */
    private long begin(String actor) {
        return transactions.required(db -> {
            long id = Sql.nextId(db, "MFG_SEQUENCE", "mrp-run"); // the row lock: runs begin one at a time
            Instant now = Instant.now();
            for (Object[] r : Sql.rows(db, "SELECT ID, UPDATED_AT FROM MFG_MRP_RUN WHERE STATUS = ?",
                    MrpRunStatus.RUNNING.name())) {
                Instant updated = Sql.instant(r[1]);
                if (updated.isAfter(now.minus(STALE))) {
                    throw new TesseraException(ManufacturingErrors.MRP_RUNNING, "MRP run " + Sql.longValue(r[0])
                            + " is still going; wait for it to finish (manufacturing:mrp-runs shows its progress)");
                }
                Sql.execute(db, "UPDATE MFG_MRP_RUN SET STATUS = ?, NOTE = ?, FINISHED_AT = ? WHERE ID = ?",
                        MrpRunStatus.FAILED.name(), "interrupted: its progress stopped at " + updated,
                        Timestamp.from(now), Sql.longValue(r[0]));
            }
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
            return id;
        });
    }

    private MrpRun execute(long id, Consumer<MrpRun> progress) {
        LocalDate today = LocalDate.now();
        try {
            World world = new World(today);
            int items = world.items().size();
            transactions.run(db -> Sql.execute(db, "UPDATE MFG_MRP_RUN SET ITEMS = ?, UPDATED_AT = ? WHERE ID = ?",
                    items, Timestamp.from(Instant.now()), id));
            progress.accept(require(id));
            List<MrpPlanner.Planned> plan = new MrpPlanner(world, today).plan(done -> {
                transactions.run(db -> Sql.execute(db, "UPDATE MFG_MRP_RUN SET ITEMS_PLANNED = ?, UPDATED_AT = ?"
                        + " WHERE ID = ?", Math.min(done, items), Timestamp.from(Instant.now()), id));
                progress.accept(require(id));
            });
            String note = world.note();
            transactions.run(db -> {
                Sql.execute(db, "DELETE FROM MFG_PLANNED_ORDER WHERE STATUS = ?", PlannedOrderStatus.PLANNED.name());
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
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            transactions.run(db -> Sql.execute(db, "UPDATE MFG_MRP_RUN SET STATUS = ?, NOTE = ?, FINISHED_AT = ?"
                    + " WHERE ID = ?", MrpRunStatus.FAILED.name(), why.length() > 1000 ? why.substring(0, 1000) : why,
                    Timestamp.from(Instant.now()), id));
            throw e;
        }
    }

    @Override
    public List<MrpRun> runs(int limit) {
        int max = Math.max(1, Math.min(limit, 500));
        return transactions.required(db -> Sql.rows(db, max, "SELECT " + RUN_COLUMNS + " FROM MFG_MRP_RUN ORDER BY ID"
                + " DESC").stream().map(MrpImpl::run).toList());
    }

    @Override
    public Optional<MrpRun> runById(long id) {
        return transactions.required(db -> Optional.ofNullable(Sql.row(db, "SELECT " + RUN_COLUMNS
                + " FROM MFG_MRP_RUN WHERE ID = ?", id)).map(MrpImpl::run));
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
        int max = Math.max(1, Math.min(limit, 500));
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
            // the row lock: two planners firming the same order make one document
            if (Sql.execute(db, "UPDATE MFG_PLANNED_ORDER SET STATUS = STATUS WHERE ID = ?", id) == 0) {
                throw new TesseraException(ManufacturingErrors.PLANNED_ORDER_NOT_FOUND, "No planned order " + id
                        + " (manufacturing:planned-orders lists those of the latest MRP run)");
            }
            PlannedOrder planned = order(db, id).orElseThrow();
            if (planned.status() == PlannedOrderStatus.FIRMED) {
                throw new TesseraException(ManufacturingErrors.PLANNED_ORDER_FIRMED, "Planned order " + id
                        + " was firmed already as " + planned.firmedAs());
            }
            LocalDate today = LocalDate.now();
            LocalDate due = planned.dueDate().isBefore(today) ? today : planned.dueDate();
            String note = "planned order " + id + " of MRP run " + planned.runId();
            String document;
            if (planned.kind() == PlannedOrderKind.MAKE) {
                WorkOrder order = workOrders.create(new NewWorkOrder(planned.sku(), planned.quantity(),
                        planned.warehouse() == null ? defaultWarehouse() : planned.warehouse(), due, note), actor);
                document = order.number();
            } else {
                PurchaseOrders orders = purchaseOrders;
                if (orders == null || vendors == null) {
                    throw new TesseraException(ManufacturingErrors.PURCHASING_NOT_ENABLED, "Purchasing is not enabled:"
                            + " buy " + planned.quantity().toPlainString() + " " + planned.sku() + " by hand, or enable"
                            + " erp-purchasing (tessera:enable erp-purchasing) to firm planned purchases");
                }
                String vendor = planned.vendorCode() != null ? planned.vendorCode()
                        : new World(today).vendor(planned.sku(), planned.quantity()).map(MrpPlanner.Vendor::code)
                        .orElseThrow(() -> new TesseraException(ManufacturingErrors.NO_VENDOR, "No active vendor has"
                                + " a price agreement for " + planned.sku() + " valid today; add one in purchasing"
                                + " and firm again"));
                PurchaseOrder order = orders.createOrder(new NewPurchaseOrder(null, vendor, today,
                        planned.warehouse(), List.of(new NewPurchaseOrderLine(planned.sku(), null, planned.quantity(),
                        null, null, due, null)), "From " + note), actor);
                document = order.number();
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

    /** The world as a run sees it: read once where it can be (work orders, sales demand, work centers). */
    private final class World implements MrpPlanner.Source {
        private final LocalDate today;
        private final Map<String, List<MrpPlanner.Dated>> supply = new HashMap<>();
        private final Map<String, List<MrpPlanner.Dated>> demand = new HashMap<>();
        private final Map<String, WorkCenter> centers = new HashMap<>();
        private final Vendors vendorService = vendors;
        private final PurchaseOrders orderService = purchaseOrders;
        private List<Vendor> activeVendors;
        private List<String> items;
        private final String warehouse;
        private final List<String> notes = new ArrayList<>();

        World(LocalDate today) {
            this.today = today;
            this.warehouse = defaultWarehouse();
            transactions.run(db -> {
                for (WorkCenter c : WorkCenterStore.centers(db, null, null, 10_000)) {
                    centers.put(c.code(), c);
                }
                for (WorkOrderStatus status : OPEN) {
                    long after = 0;
                    List<WorkOrder> page;
                    do {
                        page = WorkOrderStore.workOrders(db, status, null, after, 500);
                        for (WorkOrder w : page) {
                            after = w.id();
                            BigDecimal rest = w.quantity().subtract(w.completed());
                            if (rest.signum() > 0) {
                                add(supply, w.sku(), new MrpPlanner.Dated(w.dueDate(), rest, w.number(),
                                        w.warehouse()));
                            }
                            for (WorkOrderComponent c : w.components()) {
                                // scrap was issued on top of what is due: it does not lower what is still to issue
                                BigDecimal due = c.required().subtract(c.issued().subtract(c.scrapped()));
                                if (due.signum() > 0) {
                                    add(demand, c.sku(), new MrpPlanner.Dated(w.dueDate(), due, w.number(),
                                            w.warehouse()));
                                }
                            }
                        }
                    } while (page.size() == 500);
                }
                for (SalesDemand.Line l : SalesDemand.all(db)) {
                    add(demand, l.sku(), new MrpPlanner.Dated(l.due(), l.open(), l.orderNumber(), l.warehouse()));
                }
                for (Object[] r : Sql.rows(db, "SELECT SKU, QUANTITY, DUE_DATE, FIRMED_AS, WAREHOUSE FROM"
                        + " MFG_PLANNED_ORDER WHERE STATUS = ? AND KIND = ?", PlannedOrderStatus.FIRMED.name(),
                        PlannedOrderKind.BUY.name())) {
                    // a firmed purchase is supply while its order is a draft; once approved the inventory's copy of
                    // what is on order has it. Without purchasing nobody can tell: it still counts, so that nothing
                    // is planned twice
                    Optional<PurchaseOrder> po = orderService == null ? Optional.empty()
                            : orderService.orderByNumber((String) r[3]);
                    if (orderService == null || (po.isPresent() && po.get().status() == PurchaseOrderStatus.DRAFT)) {
                        add(supply, (String) r[0], new MrpPlanner.Dated(Sql.date(r[2]), (BigDecimal) r[1],
                                (String) r[3], (String) r[4]));
                    }
                }
            });
            if (vendorService == null) {
                notes.add("purchasing is not enabled: planned purchases have no vendor or lead time and are bought"
                        + " by hand");
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
            if (items == null) {
                items = new ArrayList<>();
                String after = null;
                List<Item> page;
                do {
                    page = catalog.items(after, 500);
                    for (Item i : page) {
                        after = i.sku();
                        if (i.active()) {
                            items.add(i.sku());
                        }
                    }
                } while (page.size() == 500);
            }
            return items;
        }

        @Override
        public MrpPlanner.Facts facts(String sku) {
            Optional<Item> item = catalog.item(sku);
            BigDecimal onHand = stock.stock(sku, null).stream().map(StockLevel::onHand)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal safety = item.map(Item::reorderPoint).filter(p -> p != null && p.signum() > 0)
                    .orElse(BigDecimal.ZERO);
            BigDecimal lot = item.map(Item::reorderQuantity).filter(q -> q != null && q.signum() > 0).orElse(null);
            boolean whole = item.map(i -> catalog.countedInWholeUnits(i.uom())).orElse(false);
            return new MrpPlanner.Facts(onHand, safety, lot, whole);
        }

        @Override
        public Optional<Bom> bill(String sku) {
            return transactions.required(db -> BomStore.inForce(db, sku, today));
        }

        @Override
        public List<MrpPlanner.Dated> supply(String sku) {
            List<MrpPlanner.Dated> all = new ArrayList<>(supply.getOrDefault(sku, List.of()));
            for (IncomingSupply in : stock.incoming(sku)) {
                all.add(new MrpPlanner.Dated(in.expectedDate(), in.quantity(), in.orderNumber(), in.warehouse()));
            }
            return all;
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
            return days.setScale(0, RoundingMode.CEILING).intValueExact();
        }

        @Override
        public Optional<MrpPlanner.Vendor> vendor(String sku, BigDecimal quantity) {
            Vendors service = vendorService;
            if (service == null) {
                return Optional.empty();
            }
            if (activeVendors == null) {
                activeVendors = new ArrayList<>();
                long after = 0;
                List<Vendor> page;
                do {
                    page = service.vendors(true, after, 500);
                    activeVendors.addAll(page);
                    after = page.isEmpty() ? after : page.get(page.size() - 1).id();
                } while (page.size() == 500);
            }
            PriceAgreement best = null;
            Vendor bestVendor = null;
            for (Vendor v : activeVendors) {
                Optional<PriceAgreement> price = service.priceFor(v.id(), sku, quantity, today);
                if (price.isEmpty()) {
                    continue;
                }
                PriceAgreement p = price.get();
                int lead = p.leadTimeDays() != null ? p.leadTimeDays() : v.leadTimeDays();
                int bestLead = best == null ? Integer.MAX_VALUE
                        : best.leadTimeDays() != null ? best.leadTimeDays() : bestVendor.leadTimeDays();
                int byPrice = best == null ? -1 : p.price().compareTo(best.price());
                if (byPrice < 0 || (byPrice == 0 && lead < bestLead)) {
                    best = p;
                    bestVendor = v;
                }
            }
            if (best == null) {
                return Optional.empty();
            }
            return Optional.of(new MrpPlanner.Vendor(bestVendor.code(),
                    best.leadTimeDays() != null ? best.leadTimeDays() : bestVendor.leadTimeDays()));
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
