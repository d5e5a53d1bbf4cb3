package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.BomComponent;
import dev.tessera.erp.manufacturing.api.BomOperation;
import dev.tessera.erp.manufacturing.api.Boms;
import dev.tessera.erp.manufacturing.api.CostRollup;
import dev.tessera.erp.manufacturing.api.Explosion;
import dev.tessera.erp.manufacturing.api.ManufacturingErrors;
import dev.tessera.erp.manufacturing.api.NewBom;
import dev.tessera.erp.manufacturing.api.NewBomComponent;
import dev.tessera.erp.manufacturing.api.NewBomOperation;
import dev.tessera.erp.manufacturing.api.WorkCenter;
import dev.tessera.erp.manufacturing.api.event.ManufacturingEvents;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;

/**
 * Bills of materials: revisions made once and never changed, their explosion and their cost roll-up. Items are the
 * inventory's (manufacturing requires it), and so are the costs of bought components: standard cost for standard
 * items, otherwise the value on hand divided by the quantity on hand, or the standard cost typed on the item when
 * nothing is on hand.
 */
@Component(service = {Boms.class, BomsImpl.class})
public final class BomsImpl implements Boms {
    private static final int MAX_COMPONENTS = 500;

    private final Transactions transactions;
    private final EventPublisher events;
    private final Catalog catalog;
    private final StockService stock;

    @Activate
    public BomsImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                    @Reference(target = "(tessera.module=erp-manufacturing)") ModuleSchema schema,
                    @Reference Catalog catalog, @Reference StockService stock) {
        this.transactions = transactions;
        this.events = events;
        this.catalog = catalog;
        this.stock = stock;
    }

    @Override
    public List<Bom> boms(String sku, long afterId, int limit) {
        return transactions.required(db -> BomStore.boms(db, sku == null || sku.isBlank() ? null : sku.trim(),
                afterId, limit));
    }

    @Override
    public Optional<Bom> bom(long id) {
        return transactions.required(db -> BomStore.bom(db, id));
    }

    @Override
    public Optional<Bom> inForce(String sku, LocalDate date) {
        if (sku == null || sku.isBlank()) {
            return Optional.empty();
        }
        LocalDate day = date == null ? LocalDate.now() : date;
        return transactions.required(db -> BomStore.inForce(db, canonical(sku), day));
    }

    @Override
    public List<Bom> revisions(String sku) {
        if (sku == null || sku.isBlank()) {
            return List.of();
        }
        return transactions.required(db -> BomStore.revisions(db, canonical(sku)));
    }

    @Override
    public Bom create(NewBom in, String actor) {
        if (in == null) {
            throw new ValidationException(ManufacturingErrors.INVALID, "The bill of materials is required",
                    List.of(new FieldError("sku", "is required"), new FieldError("components", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String sku = Checks.sku(in.sku(), "sku", errors);
        BigDecimal output = in.outputQuantity() == null ? BigDecimal.ONE
                : Checks.quantity(in.outputQuantity(), "outputQuantity", errors);
        String note = Changes.text(in.note(), "note", 500, false, errors);
        List<NewBomComponent> newComponents = in.components() == null ? List.of() : in.components();
        List<NewBomOperation> newOperations = in.operations() == null ? List.of() : in.operations();
        if (newComponents.isEmpty()) {
            errors.add(new FieldError("components", "needs at least one component (sku, quantity)"));
        } else if (newComponents.size() > MAX_COMPONENTS) {
            errors.add(new FieldError("components", "has " + newComponents.size() + " lines; at most "
                    + MAX_COMPONENTS));
        }
        if (newOperations.size() > 100) {
            errors.add(new FieldError("operations", "has " + newOperations.size() + " lines; at most 100"));
        }
        List<BomComponent> components = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < newComponents.size() && i < MAX_COMPONENTS; i++) {
            NewBomComponent c = newComponents.get(i);
            String field = "components[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(field, "is empty; give sku and quantity"));
                continue;
            }
            String csku = Checks.sku(c.sku(), field + ".sku", errors);
            BigDecimal quantity = Checks.quantity(c.quantity(), field + ".quantity", errors);
            BigDecimal scrap = Checks.scrap(c.scrapPercent(), field + ".scrapPercent", errors);
            if (csku != null && quantity != null && errors.isEmpty()) {
                components.add(new BomComponent(i + 1, csku, BomStore.plain(quantity), BomStore.plain(scrap),
                        BomGraph.gross(quantity, scrap)));
            }
        }
        List<BomOperation> operations = new ArrayList<>();
        for (int i = 0; i < newOperations.size() && i < 100; i++) {
            NewBomOperation o = newOperations.get(i);
            String field = "operations[" + i + "]";
            if (o == null) {
                errors.add(new FieldError(field, "is empty; give workCenter and its times or cost"));
                continue;
            }
            String center = Checks.centerCode(o.workCenter(), field + ".workCenter", errors);
            String description = Changes.text(o.description(), field + ".description", 200, false, errors);
            BigDecimal setup = zero(Checks.notNegative(o.setupHours(), field + ".setupHours", errors));
            BigDecimal run = zero(Checks.notNegative(o.runHoursPerUnit(), field + ".runHoursPerUnit", errors));
            BigDecimal fixed = zero(Checks.notNegative(o.fixedCost(), field + ".fixedCost", errors));
            if (setup.signum() == 0 && run.signum() == 0 && fixed.signum() == 0) {
                errors.add(new FieldError(field, "takes no time and costs nothing: give setupHours, runHoursPerUnit"
                        + " or fixedCost above 0"));
            }
            operations.add(new BomOperation((i + 1) * 10, center, description, BomStore.plain(setup),
                    BomStore.plain(run), BomStore.plain(fixed)));
        }
        ValidationException.throwIfAny(ManufacturingErrors.INVALID, "The bill of materials", errors);
        LocalDate today = LocalDate.now();
        LocalDate from = in.effectiveFrom() == null ? today : in.effectiveFrom();
        boolean phantom = Boolean.TRUE.equals(in.phantom());
        return transactions.required(db -> {
            long id = BomStore.nextId(db); // one new bill at a time: two cannot close a cycle together
            String item = item(sku, "sku");
            List<FieldError> refused = new ArrayList<>();
            List<BomComponent> known = new ArrayList<>();
            for (BomComponent c : components) {
                String field = "components[" + (c.line() - 1) + "].sku";
                String csku = known(c.sku(), field, refused);
                if (csku == null) {
                    continue;
                }
                if (csku.equals(item)) {
                    throw new ValidationException(ManufacturingErrors.SELF_COMPONENT, "A bill of materials for "
                            + item + " cannot use " + item + " itself", List.of(new FieldError(field, "is the item"
                            + " this bill makes")));
                }
                Integer before = seen.putIfAbsent(csku, c.line());
                if (before != null) {
                    refused.add(new FieldError(field, csku + " is on line " + before + " already; give one line per"
                            + " component with the whole quantity"));
                }
                known.add(new BomComponent(c.line(), csku, c.quantity(), c.scrapPercent(), c.grossQuantity()));
            }
            for (BomOperation o : operations) {
                String field = "operations[" + (o.sequence() / 10 - 1) + "].workCenter";
                Optional<WorkCenter> center = WorkCenterStore.center(db, o.workCenter());
                if (center.isEmpty()) {
                    refused.add(new FieldError(field, "'" + o.workCenter() + "' is not a work center"
                            + " (manufacturing:work-centers lists them)"));
                } else if (!center.get().active()) {
                    refused.add(new FieldError(field, o.workCenter() + " is deactivated"));
                }
            }
            if (!refused.isEmpty()) {
                boolean items = refused.stream().anyMatch(e -> e.field().endsWith(".sku")
                        && e.message().contains("catalog"));
                throw new ValidationException(items ? ManufacturingErrors.UNKNOWN_ITEM
                        : refused.stream().anyMatch(e -> e.field().endsWith(".workCenter"))
                        ? ManufacturingErrors.UNKNOWN_WORK_CENTER : ManufacturingErrors.INVALID,
                        "The bill of materials has " + refused.size() + " error" + (refused.size() == 1 ? "" : "s")
                        + ": " + String.join("; ", refused.stream().limit(3).map(e -> e.field() + " " + e.message())
                        .toList()) + (refused.size() > 3 ? "; ..." : ""), refused);
            }
            Optional<Bom> latest = BomStore.latest(db, item);
            if (latest.isPresent()) {
                if (from.isBefore(latest.get().effectiveFrom())) {
                    throw new ValidationException(ManufacturingErrors.EFFECTIVE_DATE, "Revision "
                            + latest.get().revision() + " of " + item + " takes effect on "
                            + latest.get().effectiveFrom(), List.of(new FieldError("effectiveFrom", "must be on or"
                            + " after " + latest.get().effectiveFrom() + " (the latest revision's)")));
                }
                if (from.isBefore(today)) {
                    throw new ValidationException(ManufacturingErrors.EFFECTIVE_DATE, "A new revision cannot change"
                            + " the past", List.of(new FieldError("effectiveFrom", "must be today (" + today
                            + ") or later")));
                }
            }
            Optional<List<String>> cycle = BomGraph.cycle(item, known.stream().map(BomComponent::sku).toList(),
                    s -> BomStore.componentsFrom(db, s, from));
            if (cycle.isPresent()) {
                throw new ValidationException(ManufacturingErrors.BOM_CYCLE, "This bill would make " + item
                        + " need itself: " + String.join(" → ", cycle.get()), List.of(new FieldError("components",
                        "closes the cycle " + String.join(" → ", cycle.get()))));
            }
            int revision = latest.map(b -> b.revision() + 1).orElse(1);
            BomStore.insert(db, id, item, revision, from, BomStore.plain(output), phantom, note, known, operations,
                    actor);
            Bom created = BomStore.bom(db, id).orElseThrow();
            events.publish(db, ManufacturingEvents.BOM_CREATED.created(Long.toString(id), actor,
                    BomStore.details(created)));
            return created;
        });
    }

    @Override
    public Explosion explode(String sku, BigDecimal quantity, LocalDate date) {
        List<FieldError> errors = new ArrayList<>();
        Checks.sku(sku, "sku", errors);
        BigDecimal q = quantity == null ? BigDecimal.ONE : Checks.quantity(quantity, "quantity", errors);
        ValidationException.throwIfAny(ManufacturingErrors.INVALID, "The explosion", errors);
        LocalDate day = date == null ? LocalDate.now() : date;
        return transactions.required(db -> {
            Bom top = top(db, sku, day);
            return BomGraph.explode(source(db, day), top, q, day);
        });
    }

    @Override
    public CostRollup cost(String sku, LocalDate date) {
        List<FieldError> errors = new ArrayList<>();
        Checks.sku(sku, "sku", errors);
        ValidationException.throwIfAny(ManufacturingErrors.INVALID, "The cost roll-up", errors);
        LocalDate day = date == null ? LocalDate.now() : date;
        return transactions.required(db -> cost(db, sku, day));
    }

    /** The cost roll-up in the caller's transaction. */
    CostRollup cost(Connection db, String sku, LocalDate day) {
        return BomGraph.cost(source(db, day), top(db, sku, day), day);
    }

    private Bom top(Connection db, String sku, LocalDate day) {
        String item = canonical(sku);
        return BomStore.inForce(db, item, day).orElseThrow(() -> new TesseraException(
                ManufacturingErrors.BOM_NOT_FOUND, BomStore.latest(db, item).map(b -> item + " has no bill of"
                        + " materials in force on " + day + "; its first takes effect on " + b.effectiveFrom())
                        .orElse(item + " has no bill of materials (manufacturing:bom-add makes one)")));
    }

    /** The graph's view of one transaction and day: bills and work centers read once each. */
    private BomGraph.Source source(Connection db, LocalDate day) {
        Map<String, Optional<Bom>> bills = new HashMap<>();
        Map<String, WorkCenter> centers = new HashMap<>();
        Map<String, BomGraph.BoughtCost> costs = new HashMap<>();
        return new BomGraph.Source() {
            @Override
            public Optional<Bom> bom(String sku) {
                return bills.computeIfAbsent(sku, s -> BomStore.inForce(db, s, day));
            }

            @Override
            public BomGraph.BoughtCost bought(String sku) {
                return costs.computeIfAbsent(sku, BomsImpl.this::boughtCost);
            }

            @Override
            public WorkCenter center(String code) {
                return centers.computeIfAbsent(code, c -> WorkCenterStore.require(db, c));
            }
        };
    }

    /** What one unit of a bought item costs, as the inventory values it; null when it cannot tell. */
    private BomGraph.BoughtCost boughtCost(String sku) {
        Optional<Item> item = catalog.item(sku);
        if (item.isEmpty()) {
            return null;
        }
        Item i = item.get();
        if (i.valuationMethod() == ValuationMethod.STANDARD) {
            return i.standardCost() == null ? null : new BomGraph.BoughtCost(i.standardCost(), "standard cost");
        }
        BigDecimal onHand = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        for (StockLevel level : stock.stock(sku, null)) {
            onHand = onHand.add(level.onHand());
            value = value.add(level.value() == null ? BigDecimal.ZERO : level.value());
        }
        if (onHand.signum() > 0) {
            return new BomGraph.BoughtCost(value.divide(onHand, 6, RoundingMode.HALF_UP), "value of the "
                    + BomStore.plain(onHand).toPlainString() + " on hand ("
                    + i.valuationMethod().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        }
        return i.standardCost() == null ? null : new BomGraph.BoughtCost(i.standardCost(),
                "the item's standard cost (none on hand)");
    }

    /** The catalog's spelling of an item's SKU, or the SKU as given when the catalog has no such item. */
    private String canonical(String sku) {
        return catalog.item(sku.trim()).map(Item::sku).orElse(sku.trim());
    }

    private String item(String sku, String field) {
        Item item = catalog.item(sku).orElseThrow(() -> new ValidationException(ManufacturingErrors.UNKNOWN_ITEM,
                "No item " + sku + " in the catalog", List.of(new FieldError(field, "'" + sku + "' is not an item of"
                + " the inventory's catalog (inventory:items)"))));
        return item.sku();
    }

    private String known(String sku, String field, List<FieldError> refused) {
        Optional<Item> item = catalog.item(sku);
        if (item.isEmpty()) {
            refused.add(new FieldError(field, "'" + sku + "' is not an item of the inventory's catalog"
                    + " (inventory:items)"));
            return null;
        }
        if (!item.get().active()) {
            refused.add(new FieldError(field, sku + " is deactivated in the catalog"));
            return null;
        }
        return item.get().sku();
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
