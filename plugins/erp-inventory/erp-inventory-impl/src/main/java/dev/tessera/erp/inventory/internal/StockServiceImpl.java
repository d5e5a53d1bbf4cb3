package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.inventory.api.Count;
import dev.tessera.erp.inventory.api.InventoryErrors;
import dev.tessera.erp.inventory.api.Issue;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.MoveType;
import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.ReorderSuggestion;
import dev.tessera.erp.inventory.api.Reservation;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockMove;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.Transfer;
import dev.tessera.erp.inventory.api.ValuationLine;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.erp.inventory.api.Warehouse;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.FieldChange;
import dev.tessera.platform.api.persistence.ModuleSchema;

/**
 * The stock ledger. Each operation locks its item's row first, then checks and writes moves, on-hand rows, cost
 * layers and reservations in one transaction with its event: moves of one item run one after another, so the checks
 * hold under any concurrency. Invariant: per item and warehouse, the cost layers hold exactly the quantity on hand.
 */
@Component(service = StockService.class, configurationPid = StockServiceImpl.PID)
@Designate(ocd = InventoryConfig.class)
public final class StockServiceImpl implements StockService {
    static final String PID = "dev.tessera.erp.inventory";
    static final String MAIN = "MAIN";
    private static final Logger LOG = LoggerFactory.getLogger(StockServiceImpl.class);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,19}");

    private final JpaTemplate jpa;
    private final EventPublisher events;
    private final int valueScale;

    @Activate
    public StockServiceImpl(@Reference(target = "(osgi.unit.name=erp-inventory)") JpaTemplate jpa,
                            @Reference EventPublisher events,
                            @Reference(target = "(tessera.module=erp-inventory)") ModuleSchema schema,
                            InventoryConfig config) {
        this.jpa = jpa;
        this.events = events;
        int digits = 2;
        try {
            digits = Math.max(Currency.getInstance(config.currency().trim()).getDefaultFractionDigits(), 0);
        } catch (RuntimeException e) {
            LOG.error("etc/{}.cfg: currency = '{}' is not an ISO 4217 code; values keep 2 decimals", PID, config.currency());
        }
        this.valueScale = digits;
    }

    // ================================================================ warehouses

    @Override
    public Warehouse createWarehouse(String code, String name, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "must be 1 to 20 letters, digits, dots, hyphens or underscores, e.g. WH1"));
        }
        Checks.text(name, "name", 200, true, errors);
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The warehouse", errors);
        return jpa.txExpr(em -> {
            if (!em.createNativeQuery("SELECT CODE FROM INV_WAREHOUSE WHERE CODE = ?").setParameter(1, code)
                    .getResultList().isEmpty()) {
                throw new TesseraException(InventoryErrors.DUPLICATE_WAREHOUSE, "Warehouse " + code + " exists already");
            }
            em.createNativeQuery("INSERT INTO INV_WAREHOUSE (CODE, NAME) VALUES (?, ?)").setParameter(1, code)
                    .setParameter(2, name.trim()).executeUpdate();
            em.createNativeQuery("INSERT INTO INV_LOCATION (WAREHOUSE, CODE) VALUES (?, ?)").setParameter(1, code)
                    .setParameter(2, MAIN).executeUpdate();
            publish(em, "inventory.warehouse.created", code, actor, Map.of("code", code, "name", name.trim()));
            return warehouse(em, code).orElseThrow();
        });
    }

    @Override
    public Warehouse addLocation(String warehouse, String location, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (location == null || !location.matches("[A-Za-z0-9][A-Za-z0-9._\\-/]{0,39}")) {
            errors.add(new FieldError("location", "must be 1 to 40 letters, digits, dots, hyphens, slashes or"
                    + " underscores, e.g. A-01-3"));
        }
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The location", errors);
        return jpa.txExpr(em -> {
            Warehouse existing = warehouse(em, warehouse).orElseThrow(() -> new TesseraException(
                    InventoryErrors.WAREHOUSE_NOT_FOUND, "No warehouse " + warehouse));
            if (!existing.locations().contains(location)) {
                em.createNativeQuery("INSERT INTO INV_LOCATION (WAREHOUSE, CODE) VALUES (?, ?)").setParameter(1, warehouse)
                        .setParameter(2, location).executeUpdate();
                publish(em, "inventory.warehouse.updated", warehouse, actor, Map.of("code", warehouse,
                        "locationAdded", location));
            }
            return warehouse(em, warehouse).orElseThrow();
        });
    }

    @Override
    public List<Warehouse> warehouses() {
        return jpa.txExpr(em -> {
            List<Warehouse> result = new ArrayList<>();
            for (Object[] row : CatalogImpl.rows(em.createNativeQuery("SELECT CODE, NAME FROM INV_WAREHOUSE ORDER BY CODE")
                    .getResultList())) {
                result.add(new Warehouse((String) row[0], (String) row[1], locations(em, (String) row[0])));
            }
            return result;
        });
    }

    private Optional<Warehouse> warehouse(EntityManager em, String code) {
        List<?> names = em.createNativeQuery("SELECT NAME FROM INV_WAREHOUSE WHERE CODE = ?").setParameter(1, code)
                .getResultList();
        return names.isEmpty() ? Optional.empty() : Optional.of(new Warehouse(code, (String) names.get(0), locations(em, code)));
    }

    private static List<String> locations(EntityManager em, String warehouse) {
        return em.createNativeQuery("SELECT CODE FROM INV_LOCATION WHERE WAREHOUSE = ? ORDER BY CODE")
                .setParameter(1, warehouse).getResultList().stream().map(String::valueOf).toList();
    }

    // ================================================================ moves

    @Override
    public StockMove receive(Receipt receipt, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (receipt == null) {
            throw invalid(List.of(new FieldError("(body)", "is required: sku, warehouse, quantity, unitCost")));
        }
        BigDecimal quantity = Checks.quantity(receipt.quantity(), "quantity", errors);
        BigDecimal unitCost = Checks.money(receipt.unitCost(), "unitCost", true, errors);
        basics(receipt.sku(), receipt.warehouse(), errors);
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The receipt", errors);
        return jpa.txExpr(em -> {
            Item item = lockItem(em, receipt.sku());
            Place place = place(em, item, receipt.warehouse(), receipt.location(), receipt.lot(), "");
            BigDecimal cost = item.valuationMethod() == ValuationMethod.STANDARD ? item.standardCost() : unitCost;
            BigDecimal value = round(quantity.multiply(cost));
            BigDecimal variance = round(quantity.multiply(unitCost)).subtract(value);
            long move = insertMove(em, MoveType.RECEIPT, item.sku(), place, null, quantity, unitCost, value, variance,
                    receipt.reference(), actor);
            addLayer(em, item, place.warehouse(), move, quantity, value);
            addStock(em, item.sku(), place, quantity);
            return moved(em, move, actor);
        });
    }

    @Override
    public StockMove issue(Issue issue, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (issue == null) {
            throw invalid(List.of(new FieldError("(body)", "is required: sku, warehouse, quantity")));
        }
        BigDecimal quantity = Checks.quantity(issue.quantity(), "quantity", errors);
        basics(issue.sku(), issue.warehouse(), errors);
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The issue", errors);
        return jpa.txExpr(em -> {
            Item item = lockItem(em, issue.sku());
            Place place = place(em, item, issue.warehouse(), issue.location(), issue.lot(), "");
            BigDecimal here = onHand(em, item.sku(), place);
            if (quantity.compareTo(here) > 0) {
                throw insufficient("Only " + plain(here) + " " + item.uom() + " of " + item.sku() + " on hand at "
                        + place + "; cannot issue " + plain(quantity));
            }
            BigDecimal inWarehouse = onHand(em, item.sku(), place.warehouse());
            BigDecimal reserved = reserved(em, item.sku(), place.warehouse());
            if (issue.reservation() != null) {
                Object[] r = reservationRow(em, issue.reservation());
                if (!item.sku().equals(r[1]) || !place.warehouse().equals(r[2])) {
                    throw new ValidationException(InventoryErrors.INVALID, "The reservation is for another item or"
                            + " warehouse", List.of(new FieldError("reservation", "reservation " + issue.reservation()
                            + " holds " + r[1] + " in " + r[2])));
                }
                if (!"ACTIVE".equals(r[5])) {
                    throw new TesseraException(InventoryErrors.RESERVATION_CLOSED, "Reservation " + issue.reservation()
                            + " is " + String.valueOf(r[5]).toLowerCase() + "; it holds nothing any more");
                }
                BigDecimal open = (BigDecimal) r[4];
                BigDecimal freeForThis = inWarehouse.subtract(reserved.subtract(open));
                if (quantity.compareTo(freeForThis) > 0) {
                    throw insufficient("Only " + plain(freeForThis) + " of " + item.sku() + " can be issued in "
                            + place.warehouse() + " for reservation " + issue.reservation());
                }
                BigDecimal left = open.subtract(quantity.min(open));
                em.createNativeQuery("UPDATE INV_RESERVATION SET OPEN_QTY = ?, STATE = ? WHERE ID = ?").setParameter(1, left)
                        .setParameter(2, left.signum() == 0 ? "CONSUMED" : "ACTIVE").setParameter(3, issue.reservation())
                        .executeUpdate();
            } else {
                BigDecimal available = inWarehouse.subtract(reserved);
                if (quantity.compareTo(available) > 0) {
                    throw insufficient("Only " + plain(available.max(BigDecimal.ZERO)) + " " + item.uom() + " of "
                            + item.sku() + " available in " + place.warehouse() + " (on hand " + plain(inWarehouse)
                            + ", reserved " + plain(reserved) + "); cannot issue " + plain(quantity));
                }
            }
            BigDecimal value = consume(em, item.sku(), place.warehouse(), quantity).value();
            long move = insertMove(em, MoveType.ISSUE, item.sku(), place, null, quantity,
                    value.divide(quantity, 6, RoundingMode.HALF_UP), value, BigDecimal.ZERO, issue.reference(), actor);
            addStock(em, item.sku(), place, quantity.negate());
            StockMove moved = moved(em, move, actor);
            lowStock(em, item, actor);
            return moved;
        });
    }

    @Override
    public StockMove transfer(Transfer transfer, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (transfer == null) {
            throw invalid(List.of(new FieldError("(body)", "is required: sku, fromWarehouse, toWarehouse, quantity")));
        }
        BigDecimal quantity = Checks.quantity(transfer.quantity(), "quantity", errors);
        basics(transfer.sku(), transfer.fromWarehouse(), errors);
        if (transfer.toWarehouse() == null || transfer.toWarehouse().isBlank()) {
            errors.add(new FieldError("toWarehouse", "is required"));
        }
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The transfer", errors);
        return jpa.txExpr(em -> {
            Item item = lockItem(em, transfer.sku());
            Place from = place(em, item, transfer.fromWarehouse(), transfer.fromLocation(), transfer.lot(), "from");
            Place to = place(em, item, transfer.toWarehouse(), transfer.toLocation(), transfer.lot(), "to");
            if (from.equals(to)) {
                throw invalid(List.of(new FieldError("toLocation", "is where the goods are already")));
            }
            BigDecimal here = onHand(em, item.sku(), from);
            if (quantity.compareTo(here) > 0) {
                throw insufficient("Only " + plain(here) + " " + item.uom() + " of " + item.sku() + " on hand at " + from
                        + "; cannot move " + plain(quantity));
            }
            BigDecimal value = BigDecimal.ZERO.setScale(valueScale);
            if (!from.warehouse().equals(to.warehouse())) {
                BigDecimal available = onHand(em, item.sku(), from.warehouse()).subtract(reserved(em, item.sku(), from.warehouse()));
                if (quantity.compareTo(available) > 0) {
                    throw insufficient("Only " + plain(available.max(BigDecimal.ZERO)) + " of " + item.sku()
                            + " may leave " + from.warehouse() + ": the rest is reserved");
                }
                Consumed consumed = consume(em, item.sku(), from.warehouse(), quantity);
                value = consumed.value();
                for (Object[] layer : consumed.layers()) {
                    addLayerAt(em, item, to.warehouse(), (Long) layer[0], (BigDecimal) layer[1], (BigDecimal) layer[2]);
                }
            } else {
                value = round(quantity.multiply(unitCost(em, item, from.warehouse())));
            }
            long move = insertMove(em, MoveType.TRANSFER, item.sku(), from, to, quantity,
                    value.divide(quantity, 6, RoundingMode.HALF_UP), value, BigDecimal.ZERO, transfer.reference(), actor);
            addStock(em, item.sku(), from, quantity.negate());
            addStock(em, item.sku(), to, quantity);
            return moved(em, move, actor);
        });
    }

    @Override
    public Optional<StockMove> count(Count count, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (count == null) {
            throw invalid(List.of(new FieldError("(body)", "is required: sku, warehouse, counted")));
        }
        if (count.counted() == null) {
            errors.add(new FieldError("counted", "is required: the quantity found, zero or more"));
        }
        BigDecimal counted = Checks.notNegative(count.counted(), "counted", errors);
        basics(count.sku(), count.warehouse(), errors);
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The count", errors);
        return jpa.txExpr(em -> {
            Item item = lockItem(em, count.sku());
            Place place = place(em, item, count.warehouse(), count.location(), count.lot(), "");
            BigDecimal delta = counted.subtract(onHand(em, item.sku(), place));
            if (delta.signum() == 0) {
                return Optional.<StockMove>empty();
            }
            BigDecimal value;
            long move;
            if (delta.signum() > 0) {
                value = round(delta.multiply(unitCost(em, item, place.warehouse())));
                move = insertMove(em, MoveType.ADJUSTMENT, item.sku(), place, null, delta,
                        value.divide(delta, 6, RoundingMode.HALF_UP), value, BigDecimal.ZERO, count.reference(), actor);
                addLayer(em, item, place.warehouse(), move, delta, value);
            } else {
                value = consume(em, item.sku(), place.warehouse(), delta.negate()).value().negate();
                move = insertMove(em, MoveType.ADJUSTMENT, item.sku(), place, null, delta,
                        value.divide(delta, 6, RoundingMode.HALF_UP), value, BigDecimal.ZERO, count.reference(), actor);
            }
            addStock(em, item.sku(), place, delta);
            StockMove moved = moved(em, move, actor);
            lowStock(em, item, actor);
            return Optional.of(moved);
        });
    }

    // ================================================================ reservations

    @Override
    public Reservation reserve(String sku, String warehouse, BigDecimal quantity, String reference, String actor) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal q = Checks.quantity(quantity, "quantity", errors);
        basics(sku, warehouse, errors);
        String ref = Checks.text(reference, "reference", 200, true, errors);
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The reservation", errors);
        return jpa.txExpr(em -> {
            Item item = lockItem(em, sku);
            if (warehouse(em, warehouse).isEmpty()) {
                throw unknownWarehouse(warehouse, "warehouse");
            }
            BigDecimal onHand = onHand(em, sku, warehouse);
            BigDecimal reserved = reserved(em, sku, warehouse);
            BigDecimal available = onHand.subtract(reserved);
            if (q.compareTo(available) > 0) {
                throw insufficient("Only " + plain(available.max(BigDecimal.ZERO)) + " " + item.uom() + " of " + sku
                        + " available in " + warehouse + " (on hand " + plain(onHand) + ", reserved " + plain(reserved)
                        + "); cannot reserve " + plain(q));
            }
            em.createNativeQuery("INSERT INTO INV_RESERVATION (SKU, WAREHOUSE, QUANTITY, OPEN_QTY, REFERENCE, STATE,"
                    + " CREATED_AT) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?)").setParameter(1, sku).setParameter(2, warehouse)
                    .setParameter(3, q).setParameter(4, q).setParameter(5, ref).setParameter(6, Timestamp.from(Instant.now()))
                    .executeUpdate();
            long id = ((Number) em.createNativeQuery("SELECT MAX(ID) FROM INV_RESERVATION WHERE SKU = ? AND WAREHOUSE = ?")
                    .setParameter(1, sku).setParameter(2, warehouse).getSingleResult()).longValue();
            Reservation reservation = reservation(em, id).orElseThrow();
            publish(em, "inventory.reservation.created", Long.toString(id), actor, Map.of("sku", sku, "warehouse",
                    warehouse, "quantity", plain(q), "reference", ref));
            lowStock(em, item, actor);
            return reservation;
        });
    }

    @Override
    public Reservation release(long id, String actor) {
        return jpa.txExpr(em -> {
            Object[] row = reservationRow(em, id);
            lockItem(em, (String) row[1]);
            if (!"ACTIVE".equals(row[5])) {
                throw new TesseraException(InventoryErrors.RESERVATION_CLOSED, "Reservation " + id + " is "
                        + String.valueOf(row[5]).toLowerCase() + " already");
            }
            em.createNativeQuery("UPDATE INV_RESERVATION SET OPEN_QTY = 0, STATE = 'RELEASED' WHERE ID = ?")
                    .setParameter(1, id).executeUpdate();
            publish(em, "inventory.reservation.released", Long.toString(id), actor, Map.of("sku", row[1],
                    "warehouse", row[2], "released", plain((BigDecimal) row[4])));
            return reservation(em, id).orElseThrow();
        });
    }

    @Override
    public Optional<Reservation> reservation(long id) {
        return jpa.txExpr(em -> reservation(em, id));
    }

    private Optional<Reservation> reservation(EntityManager em, long id) {
        List<Object[]> rows = CatalogImpl.rows(em.createNativeQuery("SELECT ID, SKU, WAREHOUSE, QUANTITY, OPEN_QTY, STATE,"
                + " REFERENCE, CREATED_AT FROM INV_RESERVATION WHERE ID = ?").setParameter(1, id).getResultList());
        return rows.stream().findFirst().map(r -> new Reservation(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], strip((BigDecimal) r[3]), strip((BigDecimal) r[4]), (String) r[6], (String) r[5],
                ((Timestamp) r[7]).toInstant()));
    }

    private static Object[] reservationRow(EntityManager em, long id) {
        List<Object[]> rows = CatalogImpl.rows(em.createNativeQuery("SELECT ID, SKU, WAREHOUSE, QUANTITY, OPEN_QTY, STATE"
                + " FROM INV_RESERVATION WHERE ID = ?").setParameter(1, id).getResultList());
        if (rows.isEmpty()) {
            throw new TesseraException(InventoryErrors.RESERVATION_NOT_FOUND, "No reservation " + id);
        }
        return rows.get(0);
    }

    // ================================================================ reading

    @Override
    public List<StockLevel> stock(String sku, String warehouse) {
        return jpa.txExpr(em -> {
            List<StockLevel> levels = new ArrayList<>();
            List<String> warehouses = warehouse != null ? List.of(warehouse)
                    : em.createNativeQuery("SELECT CODE FROM INV_WAREHOUSE ORDER BY CODE").getResultList().stream()
                            .map(String::valueOf).toList();
            List<String> skus = sku != null ? List.of(sku)
                    : em.createNativeQuery("SELECT DISTINCT SKU FROM INV_STOCK ORDER BY SKU").getResultList().stream()
                            .map(String::valueOf).toList();
            for (String s : skus) {
                for (String w : warehouses) {
                    BigDecimal onHand = onHand(em, s, w);
                    BigDecimal reserved = reserved(em, s, w);
                    if (sku == null && onHand.signum() == 0 && reserved.signum() == 0) {
                        continue;
                    }
                    levels.add(new StockLevel(s, w, strip(onHand), strip(reserved), strip(onHand.subtract(reserved)),
                            layerValue(em, s, w)));
                }
            }
            return levels;
        });
    }

    @Override
    public BigDecimal availableToPromise(String sku) {
        return jpa.txExpr(em -> strip(onHandTotal(em, sku).subtract(reservedTotal(em, sku)).max(BigDecimal.ZERO)));
    }

    @Override
    public List<StockMove> moves(String sku, long afterId, int limit) {
        return jpa.txExpr(em -> {
            javax.persistence.Query query = em.createNativeQuery("SELECT ID FROM INV_MOVE WHERE ID > ?"
                    + (sku == null ? "" : " AND SKU = ?") + " ORDER BY ID").setParameter(1, afterId).setMaxResults(limit);
            if (sku != null) {
                query.setParameter(2, sku);
            }
            List<StockMove> moves = new ArrayList<>();
            for (Object id : query.getResultList()) {
                moves.add(move(em, ((Number) id).longValue()));
            }
            return moves;
        });
    }

    @Override
    public List<ReorderSuggestion> reorderSuggestions() {
        return jpa.txExpr(em -> {
            List<ReorderSuggestion> suggestions = new ArrayList<>();
            for (ItemEntity entity : em.createQuery("select i from ItemEntity i order by i.sku", ItemEntity.class)
                    .getResultList()) {
                Item item = entity.toRecord();
                if (!item.active() || item.reorderPoint() == null) {
                    continue;
                }
                BigDecimal available = onHandTotal(em, item.sku()).subtract(reservedTotal(em, item.sku()));
                if (available.compareTo(item.reorderPoint()) < 0) {
                    BigDecimal shortBy = item.reorderPoint().subtract(available);
                    BigDecimal order = item.reorderQuantity() == null ? shortBy : item.reorderQuantity().max(shortBy);
                    suggestions.add(new ReorderSuggestion(item.sku(), item.name(), strip(available), BigDecimal.ZERO,
                            item.reorderPoint(), strip(order)));
                }
            }
            return suggestions;
        });
    }

    @Override
    public List<ValuationLine> valuation(LocalDate asOf) {
        if (asOf == null) {
            throw invalid(List.of(new FieldError("asOf", "is required (YYYY-MM-DD)")));
        }
        return jpa.txExpr(em -> {
            Timestamp end = Timestamp.from(asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
            for (Object[] r : CatalogImpl.rows(em.createNativeQuery("SELECT SKU, MOVE_TYPE, SUM(QUANTITY), SUM(MOVE_VALUE)"
                    + " FROM INV_MOVE WHERE MOVED_AT < ? AND MOVE_TYPE <> 'TRANSFER' GROUP BY SKU, MOVE_TYPE ORDER BY SKU")
                    .setParameter(1, end).getResultList())) {
                BigDecimal[] s = sums.computeIfAbsent((String) r[0], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                int sign = "ISSUE".equals(r[1]) ? -1 : 1;
                s[0] = s[0].add(((BigDecimal) r[2]).multiply(BigDecimal.valueOf(sign)));
                s[1] = s[1].add(((BigDecimal) r[3]).multiply(BigDecimal.valueOf(sign)));
            }
            List<ValuationLine> lines = new ArrayList<>();
            for (Map.Entry<String, BigDecimal[]> s : sums.entrySet()) {
                ItemEntity item = em.find(ItemEntity.class, s.getKey());
                Item record = item.toRecord();
                lines.add(new ValuationLine(s.getKey(), record.name(), record.valuationMethod(), strip(s.getValue()[0]),
                        s.getValue()[1].setScale(valueScale, RoundingMode.HALF_UP)));
            }
            return lines;
        });
    }

    // ================================================================ stock and layers

    /** A place in a warehouse: location and lot ("" for items without lots). */
    private record Place(String warehouse, String location, String lot) {
        @Override
        public String toString() {
            return warehouse + "/" + location + (lot.isEmpty() ? "" : " lot " + lot);
        }
    }

    /** What a consumption took out: its value and the layers (seq, quantity, value) it came from. */
    private record Consumed(BigDecimal value, List<Object[]> layers) {
    }

    private Place place(EntityManager em, Item item, String warehouse, String location, String lot, String prefix) {
        String wField = prefix.isEmpty() ? "warehouse" : prefix + "Warehouse";
        String lField = prefix.isEmpty() ? "location" : prefix + "Location";
        if (warehouse(em, warehouse).isEmpty()) {
            throw unknownWarehouse(warehouse, wField);
        }
        String loc = location == null || location.isBlank() ? MAIN : location.trim();
        if (!locations(em, warehouse).contains(loc)) {
            throw new ValidationException(InventoryErrors.UNKNOWN_LOCATION, "Warehouse " + warehouse + " has no location "
                    + loc, List.of(new FieldError(lField, "'" + loc + "' is not a location of " + warehouse
                    + "; it has " + locations(em, warehouse))));
        }
        String l = lot == null ? "" : lot.trim();
        if (item.lotTracked() && l.isEmpty()) {
            throw new ValidationException(InventoryErrors.LOT_REQUIRED, "Item " + item.sku() + " is lot-tracked: say"
                    + " which lot", List.of(new FieldError("lot", "is required for lot-tracked item " + item.sku())));
        }
        if (!item.lotTracked() && !l.isEmpty()) {
            throw invalid(List.of(new FieldError("lot", "is only for lot-tracked items; " + item.sku() + " is not one")));
        }
        if (l.length() > 50) {
            throw invalid(List.of(new FieldError("lot", "is longer than 50 characters")));
        }
        return new Place(warehouse, loc, l);
    }

    /** Locks the item's row for this transaction (moves of one item run one after another) and returns it. */
    private static Item lockItem(EntityManager em, String sku) {
        int locked = em.createNativeQuery("UPDATE INV_ITEM SET LOCK_VERSION = LOCK_VERSION + 1 WHERE SKU = ?")
                .setParameter(1, sku).executeUpdate();
        if (locked == 0) {
            throw new ValidationException(InventoryErrors.UNKNOWN_ITEM, "No item " + sku,
                    List.of(new FieldError("sku", "'" + sku + "' is not an item of the catalog")));
        }
        ItemEntity entity = em.find(ItemEntity.class, sku);
        em.refresh(entity);
        Item item = entity.toRecord();
        if (!item.active()) {
            throw new ValidationException(InventoryErrors.ITEM_INACTIVE, "Item " + sku + " is inactive",
                    List.of(new FieldError("sku", sku + " is inactive")));
        }
        return item;
    }

    private static BigDecimal onHand(EntityManager em, String sku, Place place) {
        List<?> q = em.createNativeQuery("SELECT QUANTITY FROM INV_STOCK WHERE SKU = ? AND WAREHOUSE = ? AND LOCATION = ?"
                + " AND LOT = ?").setParameter(1, sku).setParameter(2, place.warehouse()).setParameter(3, place.location())
                .setParameter(4, place.lot()).getResultList();
        return q.isEmpty() ? BigDecimal.ZERO.setScale(Checks.QUANTITY_SCALE) : (BigDecimal) q.get(0);
    }

    private static BigDecimal onHand(EntityManager em, String sku, String warehouse) {
        return sum(em.createNativeQuery("SELECT SUM(QUANTITY) FROM INV_STOCK WHERE SKU = ? AND WAREHOUSE = ?")
                .setParameter(1, sku).setParameter(2, warehouse).getSingleResult());
    }

    private static BigDecimal onHandTotal(EntityManager em, String sku) {
        return sum(em.createNativeQuery("SELECT SUM(QUANTITY) FROM INV_STOCK WHERE SKU = ?").setParameter(1, sku)
                .getSingleResult());
    }

    private static BigDecimal reserved(EntityManager em, String sku, String warehouse) {
        return sum(em.createNativeQuery("SELECT SUM(OPEN_QTY) FROM INV_RESERVATION WHERE SKU = ? AND WAREHOUSE = ?"
                + " AND STATE = 'ACTIVE'").setParameter(1, sku).setParameter(2, warehouse).getSingleResult());
    }

    private static BigDecimal reservedTotal(EntityManager em, String sku) {
        return sum(em.createNativeQuery("SELECT SUM(OPEN_QTY) FROM INV_RESERVATION WHERE SKU = ? AND STATE = 'ACTIVE'")
                .setParameter(1, sku).getSingleResult());
    }

    private BigDecimal layerValue(EntityManager em, String sku, String warehouse) {
        Object v = em.createNativeQuery("SELECT SUM(LAYER_VALUE) FROM INV_LAYER WHERE SKU = ? AND WAREHOUSE = ?")
                .setParameter(1, sku).setParameter(2, warehouse).getSingleResult();
        return (v == null ? BigDecimal.ZERO : (BigDecimal) v).setScale(valueScale, RoundingMode.HALF_UP);
    }

    private static void addStock(EntityManager em, String sku, Place place, BigDecimal delta) {
        int updated = em.createNativeQuery("UPDATE INV_STOCK SET QUANTITY = QUANTITY + ? WHERE SKU = ? AND WAREHOUSE = ?"
                + " AND LOCATION = ? AND LOT = ?").setParameter(1, delta).setParameter(2, sku)
                .setParameter(3, place.warehouse()).setParameter(4, place.location()).setParameter(5, place.lot())
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO INV_STOCK (SKU, WAREHOUSE, LOCATION, LOT, QUANTITY) VALUES (?, ?, ?, ?, ?)")
                    .setParameter(1, sku).setParameter(2, place.warehouse()).setParameter(3, place.location())
                    .setParameter(4, place.lot()).setParameter(5, delta).executeUpdate();
        }
    }

    /** Adds stock at cost: a new layer for FIFO, merged into the one layer for moving average and standard. */
    private void addLayer(EntityManager em, Item item, String warehouse, long seq, BigDecimal quantity, BigDecimal value) {
        addLayerAt(em, item, warehouse, item.valuationMethod() == ValuationMethod.FIFO ? seq : 0, quantity, value);
    }

    private void addLayerAt(EntityManager em, Item item, String warehouse, long seq, BigDecimal quantity, BigDecimal value) {
        long key = item.valuationMethod() == ValuationMethod.FIFO ? seq : 0;
        if (key == 0) {
            int merged = em.createNativeQuery("UPDATE INV_LAYER SET QUANTITY = QUANTITY + ?, LAYER_VALUE = LAYER_VALUE + ?"
                    + " WHERE SKU = ? AND WAREHOUSE = ? AND SEQ = 0").setParameter(1, quantity).setParameter(2, value)
                    .setParameter(3, item.sku()).setParameter(4, warehouse).executeUpdate();
            if (merged > 0) {
                return;
            }
        }
        em.createNativeQuery("INSERT INTO INV_LAYER (SKU, WAREHOUSE, SEQ, QUANTITY, LAYER_VALUE) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, item.sku()).setParameter(2, warehouse).setParameter(3, key).setParameter(4, quantity)
                .setParameter(5, value).executeUpdate();
    }

    /** Takes {@code quantity} out of the warehouse's layers, oldest first; returns its value. */
    private Consumed consume(EntityManager em, String sku, String warehouse, BigDecimal quantity) {
        BigDecimal remaining = quantity;
        BigDecimal value = BigDecimal.ZERO;
        List<Object[]> taken = new ArrayList<>();
        for (Object[] layer : CatalogImpl.rows(em.createNativeQuery("SELECT ID, SEQ, QUANTITY, LAYER_VALUE FROM INV_LAYER"
                + " WHERE SKU = ? AND WAREHOUSE = ? AND QUANTITY > 0 ORDER BY SEQ, ID").setParameter(1, sku)
                .setParameter(2, warehouse).getResultList())) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal layerQty = (BigDecimal) layer[2];
            BigDecimal layerValue = (BigDecimal) layer[3];
            BigDecimal take = remaining.min(layerQty);
            BigDecimal takeValue = take.compareTo(layerQty) == 0 ? layerValue
                    : round(layerValue.multiply(take).divide(layerQty, 12, RoundingMode.HALF_UP));
            em.createNativeQuery("UPDATE INV_LAYER SET QUANTITY = QUANTITY - ?, LAYER_VALUE = LAYER_VALUE - ? WHERE ID = ?")
                    .setParameter(1, take).setParameter(2, takeValue).setParameter(3, ((Number) layer[0]).longValue())
                    .executeUpdate();
            taken.add(new Object[] {((Number) layer[1]).longValue(), take, takeValue});
            remaining = remaining.subtract(take);
            value = value.add(takeValue);
        }
        if (remaining.signum() > 0) {
            throw new IllegalStateException("Cost layers of " + sku + " in " + warehouse + " hold less than its stock on"
                    + " hand (" + remaining + " missing)");
        }
        em.createNativeQuery("DELETE FROM INV_LAYER WHERE SKU = ? AND WAREHOUSE = ? AND QUANTITY = 0 AND SEQ <> 0")
                .setParameter(1, sku).setParameter(2, warehouse).executeUpdate();
        return new Consumed(value.setScale(valueScale, RoundingMode.HALF_UP), taken);
    }

    /** The cost of one unit now: standard, the average, or for FIFO the newest layer's. */
    private BigDecimal unitCost(EntityManager em, Item item, String warehouse) {
        if (item.valuationMethod() == ValuationMethod.STANDARD) {
            return item.standardCost();
        }
        List<Object[]> layers = CatalogImpl.rows(em.createNativeQuery("SELECT QUANTITY, LAYER_VALUE FROM INV_LAYER WHERE"
                + " SKU = ? AND QUANTITY > 0 ORDER BY SEQ DESC, ID DESC").setParameter(1, item.sku()).getResultList());
        if (!layers.isEmpty()) {
            Object[] newest = layers.get(0);
            if (item.valuationMethod() == ValuationMethod.FIFO) {
                return ((BigDecimal) newest[1]).divide((BigDecimal) newest[0], 6, RoundingMode.HALF_UP);
            }
            BigDecimal qty = BigDecimal.ZERO;
            BigDecimal value = BigDecimal.ZERO;
            for (Object[] l : layers) {
                qty = qty.add((BigDecimal) l[0]);
                value = value.add((BigDecimal) l[1]);
            }
            return value.divide(qty, 6, RoundingMode.HALF_UP);
        }
        List<?> last = em.createNativeQuery("SELECT UNIT_COST FROM INV_MOVE WHERE SKU = ? AND MOVE_TYPE = 'RECEIPT'"
                + " ORDER BY ID DESC").setParameter(1, item.sku()).setMaxResults(1).getResultList();
        return last.isEmpty() ? BigDecimal.ZERO : (BigDecimal) last.get(0);
    }

    private long insertMove(EntityManager em, MoveType type, String sku, Place from, Place to, BigDecimal quantity,
                            BigDecimal unitCost, BigDecimal value, BigDecimal variance, String reference, String actor) {
        if (reference != null && reference.length() > 200) {
            throw invalid(List.of(new FieldError("reference", "is longer than 200 characters")));
        }
        em.createNativeQuery("INSERT INTO INV_MOVE (MOVE_TYPE, SKU, WAREHOUSE, LOCATION, TO_WAREHOUSE, TO_LOCATION, LOT,"
                + " QUANTITY, UNIT_COST, MOVE_VALUE, VARIANCE, REFERENCE, MOVED_AT, ACTOR) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?)").setParameter(1, type.name()).setParameter(2, sku).setParameter(3, from.warehouse())
                .setParameter(4, from.location()).setParameter(5, to == null ? null : to.warehouse())
                .setParameter(6, to == null ? null : to.location()).setParameter(7, from.lot()).setParameter(8, quantity)
                .setParameter(9, unitCost).setParameter(10, value).setParameter(11, variance).setParameter(12, reference)
                .setParameter(13, Timestamp.from(Instant.now())).setParameter(14, actor).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT MAX(ID) FROM INV_MOVE WHERE SKU = ?").setParameter(1, sku)
                .getSingleResult()).longValue();
    }

    private StockMove move(EntityManager em, long id) {
        Object[] r = CatalogImpl.rows(em.createNativeQuery("SELECT ID, MOVE_TYPE, SKU, WAREHOUSE, LOCATION, TO_WAREHOUSE,"
                + " TO_LOCATION, LOT, QUANTITY, UNIT_COST, MOVE_VALUE, VARIANCE, REFERENCE, MOVED_AT, ACTOR FROM INV_MOVE"
                + " WHERE ID = ?").setParameter(1, id).getResultList()).get(0);
        return new StockMove(id, MoveType.valueOf((String) r[1]), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], "".equals(r[7]) ? null : (String) r[7], strip((BigDecimal) r[8]),
                r[9] == null ? null : strip((BigDecimal) r[9]), ((BigDecimal) r[10]).setScale(valueScale, RoundingMode.HALF_UP),
                ((BigDecimal) r[11]).setScale(valueScale, RoundingMode.HALF_UP), (String) r[12],
                ((Timestamp) r[13]).toInstant(), (String) r[14]);
    }

    /** The written move as a record, and its event with everything the ledger needs to post it. */
    private StockMove moved(EntityManager em, long id, String actor) {
        StockMove move = move(em, id);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("move", move.type().name().toLowerCase());
        payload.put("sku", move.sku());
        payload.put("warehouse", move.warehouse());
        payload.put("location", move.location());
        if (move.toWarehouse() != null) {
            payload.put("toWarehouse", move.toWarehouse());
            payload.put("toLocation", move.toLocation());
        }
        if (move.lot() != null) {
            payload.put("lot", move.lot());
        }
        payload.put("quantity", move.quantity().toPlainString());
        payload.put("value", move.value().toPlainString());
        payload.put("variance", move.variance().toPlainString());
        if (move.unitCost() != null) {
            payload.put("unitCost", move.unitCost().toPlainString());
        }
        payload.put("date", move.at().atZone(ZoneOffset.UTC).toLocalDate().toString());
        if (move.reference() != null) {
            payload.put("reference", move.reference());
        }
        publish(em, "inventory.stock.moved", Long.toString(id), actor, payload);
        return move;
    }

    private void lowStock(EntityManager em, Item item, String actor) {
        if (item.reorderPoint() == null) {
            return;
        }
        BigDecimal available = onHandTotal(em, item.sku()).subtract(reservedTotal(em, item.sku()));
        if (available.compareTo(item.reorderPoint()) < 0) {
            publish(em, "inventory.stock.low", item.sku(), actor, Map.of("sku", item.sku(), "available",
                    plain(available), "reorderPoint", plain(item.reorderPoint())));
        }
    }

    // ================================================================ plumbing

    private static void basics(String sku, String warehouse, List<FieldError> errors) {
        Checks.text(sku, "sku", 40, true, errors);
        Checks.text(warehouse, "warehouse", 20, true, errors);
    }

    private BigDecimal round(BigDecimal value) {
        return value.setScale(valueScale, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(Checks.QUANTITY_SCALE) : (BigDecimal) value;
    }

    static BigDecimal strip(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String plain(BigDecimal value) {
        return strip(value).toPlainString();
    }

    private static TesseraException insufficient(String message) {
        return new TesseraException(InventoryErrors.INSUFFICIENT_STOCK, message);
    }

    private static ValidationException invalid(List<FieldError> errors) {
        return new ValidationException(InventoryErrors.INVALID, "The request is not valid: " + errors.get(0).field()
                + " " + errors.get(0).message(), errors);
    }

    private static ValidationException unknownWarehouse(String code, String field) {
        return new ValidationException(InventoryErrors.UNKNOWN_WAREHOUSE, "No warehouse " + code,
                List.of(new FieldError(field, "'" + code + "' is not a warehouse")));
    }

    private void publish(EntityManager em, String type, String recordId, String actor, Map<String, Object> payload) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        payload.forEach((k, v) -> changes.put(k, new FieldChange(null, v)));
        events.publish(em, new DomainEvent(UUID.randomUUID(), type, recordId, 1, Instant.now(), actor, payload, changes));
    }
}
