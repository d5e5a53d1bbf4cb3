package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
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
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.inventory.api.Count;
import dev.tessera.erp.inventory.api.IncomingSupply;
import dev.tessera.erp.inventory.api.InventoryErrors;
import dev.tessera.erp.inventory.api.Issue;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.MoveType;
import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.ReorderSuggestion;
import dev.tessera.erp.inventory.api.Reservation;
import dev.tessera.erp.inventory.api.Revaluation;
import dev.tessera.erp.inventory.api.Revalued;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockMove;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.Transfer;
import dev.tessera.erp.inventory.api.ValuationLine;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.erp.inventory.api.Warehouse;
import dev.tessera.erp.inventory.api.event.InventoryEvents;
import dev.tessera.erp.inventory.api.event.StockLow;
import dev.tessera.erp.inventory.api.event.StockMoved;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Sql;

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

    private final Transactions transactions;
    private final EventPublisher events;
    private final int valueScale;

    @Activate
    public StockServiceImpl(@Reference Transactions transactions,
                            @Reference EventPublisher events,
                            @Reference(target = "(tessera.module=erp-inventory)") ModuleSchema schema,
                            InventoryConfig config) {
        this.transactions = transactions;
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
        return transactions.required(db -> {
            if (!Sql.rows(db, "SELECT CODE FROM INV_WAREHOUSE WHERE CODE = ?", code).isEmpty()) {
                throw new TesseraException(InventoryErrors.DUPLICATE_WAREHOUSE, "Warehouse " + code + " exists already");
            }
            Sql.execute(db, "INSERT INTO INV_WAREHOUSE (CODE, NAME) VALUES (?, ?)", code, name.trim());
            Sql.execute(db, "INSERT INTO INV_LOCATION (WAREHOUSE, CODE) VALUES (?, ?)", code, MAIN);
            Warehouse created = warehouse(db, code).orElseThrow();
            events.publish(db, InventoryEvents.WAREHOUSE_CREATED.created(code, actor, created));
            return created;
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
        return transactions.required(db -> {
            Warehouse existing = warehouse(db, warehouse).orElseThrow(() -> new TesseraException(
                    InventoryErrors.WAREHOUSE_NOT_FOUND, "No warehouse " + warehouse));
            if (existing.locations().contains(location)) {
                return existing;
            }
            Sql.execute(db, "INSERT INTO INV_LOCATION (WAREHOUSE, CODE) VALUES (?, ?)", warehouse, location);
            Warehouse after = warehouse(db, warehouse).orElseThrow();
            events.publish(db, InventoryEvents.WAREHOUSE_UPDATED.changed(warehouse, 1, actor, existing, after));
            return after;
        });
    }

    @Override
    public List<Warehouse> warehouses() {
        return transactions.required(db -> {
            List<Warehouse> result = new ArrayList<>();
            for (Object[] row : Sql.rows(db, "SELECT CODE, NAME FROM INV_WAREHOUSE ORDER BY CODE")) {
                result.add(new Warehouse((String) row[0], (String) row[1], locations(db, (String) row[0])));
            }
            return result;
        });
    }

    private Optional<Warehouse> warehouse(Connection db, String code) {
        Object name = Sql.value(db, "SELECT NAME FROM INV_WAREHOUSE WHERE CODE = ?", code);
        return name == null ? Optional.empty() : Optional.of(new Warehouse(code, (String) name, locations(db, code)));
    }

    private static List<String> locations(Connection db, String warehouse) {
        return Sql.rows(db, "SELECT CODE FROM INV_LOCATION WHERE WAREHOUSE = ? ORDER BY CODE", warehouse).stream().map(r -> String.valueOf(r[0])).toList();
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
        return transactions.required(db -> {
            Item item = lockItem(db, receipt.sku());
            Units.requireWhole(item, quantity, "quantity");
            Place place = place(db, item, receipt.warehouse(), receipt.location(), receipt.lot(), "");
            BigDecimal cost = item.valuationMethod() == ValuationMethod.STANDARD ? item.standardCost() : unitCost;
            BigDecimal value = round(quantity.multiply(cost));
            BigDecimal variance = round(quantity.multiply(unitCost)).subtract(value);
            long move = insertMove(db, MoveType.RECEIPT, item.sku(), place, null, quantity, unitCost, value, variance,
                    receipt.reference(), actor);
            addLayer(db, item, place.warehouse(), move, quantity, value);
            addStock(db, item.sku(), place, quantity);
            return moved(db, move, actor);
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
        return transactions.required(db -> {
            Item item = lockItem(db, issue.sku());
            Units.requireWhole(item, quantity, "quantity");
            Place place = place(db, item, issue.warehouse(), issue.location(), issue.lot(), "");
            BigDecimal here = onHand(db, item.sku(), place);
            if (quantity.compareTo(here) > 0) {
                throw insufficient("Only " + plain(here) + " " + item.uom() + " of " + item.sku() + " on hand at "
                        + place + "; cannot issue " + plain(quantity));
            }
            BigDecimal inWarehouse = onHand(db, item.sku(), place.warehouse());
            BigDecimal reserved = reserved(db, item.sku(), place.warehouse());
            if (issue.reservation() != null) {
                Object[] r = reservationRow(db, issue.reservation());
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
                Sql.execute(db, "UPDATE INV_RESERVATION SET OPEN_QTY = ?, STATE = ? WHERE ID = ?", left, left.signum() == 0 ? "CONSUMED" : "ACTIVE", issue.reservation());
            } else {
                BigDecimal available = inWarehouse.subtract(reserved);
                if (quantity.compareTo(available) > 0) {
                    throw insufficient("Only " + plain(available.max(BigDecimal.ZERO)) + " " + item.uom() + " of "
                            + item.sku() + " available in " + place.warehouse() + " (on hand " + plain(inWarehouse)
                            + ", reserved " + plain(reserved) + "); cannot issue " + plain(quantity));
                }
            }
            BigDecimal value = consume(db, item.sku(), place.warehouse(), quantity).value();
            long move = insertMove(db, MoveType.ISSUE, item.sku(), place, null, quantity,
                    value.divide(quantity, 6, RoundingMode.HALF_UP), value, BigDecimal.ZERO, issue.reference(), actor);
            addStock(db, item.sku(), place, quantity.negate());
            StockMove moved = moved(db, move, actor);
            lowStock(db, item, actor);
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
        return transactions.required(db -> {
            Item item = lockItem(db, transfer.sku());
            Units.requireWhole(item, quantity, "quantity");
            Place from = place(db, item, transfer.fromWarehouse(), transfer.fromLocation(), transfer.lot(), "from");
            Place to = place(db, item, transfer.toWarehouse(), transfer.toLocation(), transfer.lot(), "to");
            if (from.equals(to)) {
                throw invalid(List.of(new FieldError("toLocation", "is where the goods are already")));
            }
            BigDecimal here = onHand(db, item.sku(), from);
            if (quantity.compareTo(here) > 0) {
                throw insufficient("Only " + plain(here) + " " + item.uom() + " of " + item.sku() + " on hand at " + from
                        + "; cannot move " + plain(quantity));
            }
            BigDecimal value = BigDecimal.ZERO.setScale(valueScale);
            if (!from.warehouse().equals(to.warehouse())) {
                BigDecimal available = onHand(db, item.sku(), from.warehouse()).subtract(reserved(db, item.sku(), from.warehouse()));
                if (quantity.compareTo(available) > 0) {
                    throw insufficient("Only " + plain(available.max(BigDecimal.ZERO)) + " of " + item.sku()
                            + " may leave " + from.warehouse() + ": the rest is reserved");
                }
                Consumed consumed = consume(db, item.sku(), from.warehouse(), quantity);
                value = consumed.value();
                for (Object[] layer : consumed.layers()) {
                    addLayerAt(db, item, to.warehouse(), (Long) layer[0], (BigDecimal) layer[1], (BigDecimal) layer[2]);
                }
            } else {
                value = round(quantity.multiply(unitCost(db, item, from.warehouse())));
            }
            long move = insertMove(db, MoveType.TRANSFER, item.sku(), from, to, quantity,
                    value.divide(quantity, 6, RoundingMode.HALF_UP), value, BigDecimal.ZERO, transfer.reference(), actor);
            addStock(db, item.sku(), from, quantity.negate());
            addStock(db, item.sku(), to, quantity);
            return moved(db, move, actor);
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
        return transactions.required(db -> {
            Item item = lockItem(db, count.sku());
            Units.requireWhole(item, counted, "counted");
            Place place = place(db, item, count.warehouse(), count.location(), count.lot(), "");
            BigDecimal delta = counted.subtract(onHand(db, item.sku(), place));
            if (delta.signum() == 0) {
                return Optional.<StockMove>empty();
            }
            BigDecimal value;
            long move;
            if (delta.signum() > 0) {
                value = round(delta.multiply(unitCost(db, item, place.warehouse())));
                move = insertMove(db, MoveType.ADJUSTMENT, item.sku(), place, null, delta,
                        value.divide(delta, 6, RoundingMode.HALF_UP), value, BigDecimal.ZERO, count.reference(), actor);
                addLayer(db, item, place.warehouse(), move, delta, value);
            } else {
                value = consume(db, item.sku(), place.warehouse(), delta.negate()).value().negate();
                move = insertMove(db, MoveType.ADJUSTMENT, item.sku(), place, null, delta,
                        value.divide(delta, 6, RoundingMode.HALF_UP), value, BigDecimal.ZERO, count.reference(), actor);
            }
            addStock(db, item.sku(), place, delta);
            StockMove moved = moved(db, move, actor);
            lowStock(db, item, actor);
            return Optional.of(moved);
        });
    }

    // ================================================================ revaluation

    @Override
    public Revalued revalue(Revaluation revaluation, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (revaluation == null) {
            throw invalid(List.of(new FieldError("(body)", "is required: receiptMoveId, quantity, amount")));
        }
        BigDecimal quantity = Checks.quantity(revaluation.quantity(), "quantity", errors);
        if (revaluation.amount() == null) {
            errors.add(new FieldError("amount", "is required: the signed price difference of those units"));
        }
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The revaluation", errors);
        BigDecimal amount = round(revaluation.amount());
        return transactions.required(db -> {
            List<Object[]> rows = Sql.rows(db, "SELECT MOVE_TYPE, SKU, WAREHOUSE, LOCATION, LOT, QUANTITY FROM INV_MOVE"
                    + " WHERE ID = ?", revaluation.receiptMoveId());
            if (rows.isEmpty() || !"RECEIPT".equals(rows.get(0)[0])) {
                throw new TesseraException(InventoryErrors.MOVE_NOT_FOUND, "No receipt move "
                        + revaluation.receiptMoveId() + ": only what a receipt brought in can be revalued");
            }
            Object[] receipt = rows.get(0);
            String sku = (String) receipt[1];
            String warehouse = (String) receipt[2];
            BigDecimal received = (BigDecimal) receipt[5];
            if (quantity.compareTo(received) > 0) {
                throw invalid(List.of(new FieldError("quantity", "is more than receipt " + revaluation.receiptMoveId()
                        + " brought in (" + plain(received) + ")")));
            }
            // the item may have been deactivated since: its stock is still worth what was paid for it
            Item item = Items.lock(db, sku).orElseThrow();
            if (item.valuationMethod() == ValuationMethod.STANDARD || amount.signum() == 0) {
                return new Revalued(revaluation.receiptMoveId(), sku, BigDecimal.ZERO, BigDecimal.ZERO.setScale(valueScale),
                        amount, null);
            }
            // FIFO: the receipt's own layer, wherever transfers took parts of it; average: the warehouse's one layer
            List<Object[]> layers = item.valuationMethod() == ValuationMethod.FIFO
                    ? Sql.rows(db, "SELECT ID, QUANTITY, LAYER_VALUE FROM INV_LAYER WHERE SKU = ? AND SEQ = ?"
                            + " AND QUANTITY > 0 ORDER BY ID", sku, revaluation.receiptMoveId())
                    : Sql.rows(db, "SELECT ID, QUANTITY, LAYER_VALUE FROM INV_LAYER WHERE SKU = ? AND WAREHOUSE = ?"
                            + " AND SEQ = 0 AND QUANTITY > 0", sku, warehouse);
            BigDecimal layerQuantity = BigDecimal.ZERO;
            BigDecimal layerValue = BigDecimal.ZERO;
            for (Object[] l : layers) {
                layerQuantity = layerQuantity.add((BigDecimal) l[1]);
                layerValue = layerValue.add((BigDecimal) l[2]);
            }
            RevaluationShare.Share share = RevaluationShare.of(received, layerQuantity, quantity, amount, layerValue,
                    valueScale);
            if (share.stockValue().signum() == 0) {
                return new Revalued(revaluation.receiptMoveId(), sku, share.quantityOnHand(), share.stockValue(),
                        share.issuedValue(), null);
            }
            BigDecimal left = share.stockValue();
            for (int i = 0; i < layers.size(); i++) {
                Object[] l = layers.get(i);
                BigDecimal part = i == layers.size() - 1 ? left
                        : round(share.stockValue().multiply((BigDecimal) l[1]).divide(layerQuantity, 12, RoundingMode.HALF_UP));
                Sql.execute(db, "UPDATE INV_LAYER SET LAYER_VALUE = LAYER_VALUE + ? WHERE ID = ?", part, Sql.longValue(l[0]));
                left = left.subtract(part);
            }
            Place place = new Place(warehouse, (String) receipt[3], (String) receipt[4]);
            long move = insertMove(db, MoveType.REVALUATION, sku, place, null, share.quantityOnHand(), null,
                    share.stockValue(), BigDecimal.ZERO, revaluation.reference(), actor);
            moved(db, move, actor);
            return new Revalued(revaluation.receiptMoveId(), sku, share.quantityOnHand(), share.stockValue(),
                    share.issuedValue(), move);
        });
    }

    // ================================================================ incoming supply

    @Override
    public List<IncomingSupply> incoming(String sku) {
        return transactions.required(db -> Incoming.open(db, sku));
    }

    // ================================================================ reservations

    @Override
    public Reservation reserve(String sku, String warehouse, BigDecimal quantity, String reference, String actor) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal q = Checks.quantity(quantity, "quantity", errors);
        basics(sku, warehouse, errors);
        String ref = Checks.text(reference, "reference", 200, true, errors);
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The reservation", errors);
        return transactions.required(db -> {
            Item item = lockItem(db, sku);
            Units.requireWhole(item, q, "quantity");
            if (warehouse(db, warehouse).isEmpty()) {
                throw unknownWarehouse(warehouse, "warehouse");
            }
            BigDecimal onHand = onHand(db, sku, warehouse);
            BigDecimal reserved = reserved(db, sku, warehouse);
            BigDecimal available = onHand.subtract(reserved);
            if (q.compareTo(available) > 0) {
                throw insufficient("Only " + plain(available.max(BigDecimal.ZERO)) + " " + item.uom() + " of " + sku
                        + " available in " + warehouse + " (on hand " + plain(onHand) + ", reserved " + plain(reserved)
                        + "); cannot reserve " + plain(q));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("SKU", sku);
            row.put("WAREHOUSE", warehouse);
            row.put("QUANTITY", q);
            row.put("OPEN_QTY", q);
            row.put("REFERENCE", ref);
            row.put("STATE", "ACTIVE");
            row.put("CREATED_AT", Instant.now());
            long id = Sql.insertReturningId(db, "INV_RESERVATION", row);
            Reservation reservation = reservation(db, id).orElseThrow();
            events.publish(db, InventoryEvents.RESERVATION_CREATED.created(Long.toString(id), actor, reservation));
            lowStock(db, item, actor);
            return reservation;
        });
    }

    @Override
    public Reservation release(long id, String actor) {
        return transactions.required(db -> {
            Object[] row = reservationRow(db, id);
            lockItem(db, (String) row[1]);
            if (!"ACTIVE".equals(row[5])) {
                throw new TesseraException(InventoryErrors.RESERVATION_CLOSED, "Reservation " + id + " is "
                        + String.valueOf(row[5]).toLowerCase() + " already");
            }
            Reservation before = reservation(db, id).orElseThrow();
            Sql.execute(db, "UPDATE INV_RESERVATION SET OPEN_QTY = 0, STATE = 'RELEASED' WHERE ID = ?", id);
            Reservation after = reservation(db, id).orElseThrow();
            events.publish(db, InventoryEvents.RESERVATION_RELEASED.changed(Long.toString(id), 2, actor, before, after));
            return after;
        });
    }

    @Override
    public Optional<Reservation> reservation(long id) {
        return transactions.required(db -> reservation(db, id));
    }

    private Optional<Reservation> reservation(Connection db, long id) {
        List<Object[]> rows = Sql.rows(db, "SELECT ID, SKU, WAREHOUSE, QUANTITY, OPEN_QTY, STATE,"
                + " REFERENCE, CREATED_AT FROM INV_RESERVATION WHERE ID = ?", id);
        return rows.stream().findFirst().map(r -> new Reservation(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], strip((BigDecimal) r[3]), strip((BigDecimal) r[4]), (String) r[6], (String) r[5],
                ((Timestamp) r[7]).toInstant()));
    }

    private static Object[] reservationRow(Connection db, long id) {
        List<Object[]> rows = Sql.rows(db, "SELECT ID, SKU, WAREHOUSE, QUANTITY, OPEN_QTY, STATE"
                + " FROM INV_RESERVATION WHERE ID = ?", id);
        if (rows.isEmpty()) {
            throw new TesseraException(InventoryErrors.RESERVATION_NOT_FOUND, "No reservation " + id);
        }
        return rows.get(0);
    }

    // ================================================================ reading

    @Override
    public List<StockLevel> stock(String sku, String warehouse) {
        return transactions.required(db -> {
            List<StockLevel> levels = new ArrayList<>();
            List<String> warehouses = warehouse != null ? List.of(warehouse)
                    : Sql.rows(db, "SELECT CODE FROM INV_WAREHOUSE ORDER BY CODE").stream()
                            .map(r -> String.valueOf(r[0])).toList();
            List<String> skus = sku != null ? List.of(sku)
                    : Sql.rows(db, "SELECT DISTINCT SKU FROM INV_STOCK ORDER BY SKU").stream()
                            .map(r -> String.valueOf(r[0])).toList();
            for (String s : skus) {
                for (String w : warehouses) {
                    BigDecimal onHand = onHand(db, s, w);
                    BigDecimal reserved = reserved(db, s, w);
                    if (sku == null && onHand.signum() == 0 && reserved.signum() == 0) {
                        continue;
                    }
                    levels.add(new StockLevel(s, w, strip(onHand), strip(reserved), strip(onHand.subtract(reserved)),
                            layerValue(db, s, w)));
                }
            }
            return levels;
        });
    }

    @Override
    public BigDecimal availableToPromise(String sku) {
        return transactions.required(db -> strip(onHandTotal(db, sku).subtract(reservedTotal(db, sku)).max(BigDecimal.ZERO)));
    }

    @Override
    public BigDecimal availableToPromise(String sku, LocalDate by) {
        if (by == null) {
            return availableToPromise(sku);
        }
        return transactions.required(db -> strip(onHandTotal(db, sku).subtract(reservedTotal(db, sku))
                .max(BigDecimal.ZERO).add(Incoming.until(db, sku, by))));
    }

    @Override
    public List<StockMove> moves(String sku, long afterId, int limit) {
        return transactions.required(db -> {
            Sql.Where where = new Sql.Where("ID > ?", afterId).and("SKU", sku);
            List<StockMove> moves = new ArrayList<>();
            for (Object[] id : Sql.rows(db, limit, "SELECT ID FROM INV_MOVE WHERE " + where.sql() + " ORDER BY ID",
                    where.args())) {
                moves.add(move(db, Sql.longValue(id[0])));
            }
            return moves;
        });
    }

    @Override
    public List<ReorderSuggestion> reorderSuggestions() {
        return transactions.required(db -> {
            List<ReorderSuggestion> suggestions = new ArrayList<>();
            for (Object[] row : Sql.rows(db, "SELECT " + Items.COLUMNS + " FROM INV_ITEM ORDER BY SKU")) {
                Item item = Items.item(row);
                if (!item.active() || item.reorderPoint() == null) {
                    continue;
                }
                BigDecimal available = onHandTotal(db, item.sku()).subtract(reservedTotal(db, item.sku()));
                BigDecimal incoming = Incoming.until(db, item.sku(), null);
                BigDecimal projected = available.add(incoming);
                if (projected.compareTo(item.reorderPoint()) < 0) {
                    BigDecimal shortBy = item.reorderPoint().subtract(projected);
                    BigDecimal order = item.reorderQuantity() == null ? shortBy : item.reorderQuantity().max(shortBy);
                    suggestions.add(new ReorderSuggestion(item.sku(), item.name(), strip(available), strip(incoming),
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
        return transactions.required(db -> {
            Timestamp end = Timestamp.from(asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
            for (Object[] r : Sql.rows(db, "SELECT SKU, MOVE_TYPE, SUM(QUANTITY), SUM(MOVE_VALUE)"
                    + " FROM INV_MOVE WHERE MOVED_AT < ? AND MOVE_TYPE <> 'TRANSFER' GROUP BY SKU, MOVE_TYPE ORDER BY SKU", end)) {
                BigDecimal[] s = sums.computeIfAbsent((String) r[0], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                int sign = "ISSUE".equals(r[1]) ? -1 : 1;
                if (!"REVALUATION".equals(r[1])) {
                    // a revaluation changes what units are worth, not how many there are
                    s[0] = s[0].add(((BigDecimal) r[2]).multiply(BigDecimal.valueOf(sign)));
                }
                s[1] = s[1].add(((BigDecimal) r[3]).multiply(BigDecimal.valueOf(sign)));
            }
            List<ValuationLine> lines = new ArrayList<>();
            for (Map.Entry<String, BigDecimal[]> s : sums.entrySet()) {
                Item record = Items.find(db, s.getKey()).orElseThrow();
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

    private Place place(Connection db, Item item, String warehouse, String location, String lot, String prefix) {
        String wField = prefix.isEmpty() ? "warehouse" : prefix + "Warehouse";
        String lField = prefix.isEmpty() ? "location" : prefix + "Location";
        if (warehouse(db, warehouse).isEmpty()) {
            throw unknownWarehouse(warehouse, wField);
        }
        String loc = location == null || location.isBlank() ? MAIN : location.trim();
        if (!locations(db, warehouse).contains(loc)) {
            throw new ValidationException(InventoryErrors.UNKNOWN_LOCATION, "Warehouse " + warehouse + " has no location "
                    + loc, List.of(new FieldError(lField, "'" + loc + "' is not a location of " + warehouse
                    + "; it has " + locations(db, warehouse))));
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
    private static Item lockItem(Connection db, String sku) {
        Item item = Items.lock(db, sku).orElseThrow(() -> new ValidationException(InventoryErrors.UNKNOWN_ITEM,
                "No item " + sku, List.of(new FieldError("sku", "'" + sku + "' is not an item of the catalog"))));
        if (!item.active()) {
            throw new ValidationException(InventoryErrors.ITEM_INACTIVE, "Item " + sku + " is inactive",
                    List.of(new FieldError("sku", sku + " is inactive")));
        }
        return item;
    }

    private static BigDecimal onHand(Connection db, String sku, Place place) {
        Object q = Sql.value(db, "SELECT QUANTITY FROM INV_STOCK WHERE SKU = ? AND WAREHOUSE = ? AND LOCATION = ?"
                + " AND LOT = ?", sku, place.warehouse(), place.location(), place.lot());
        return q == null ? BigDecimal.ZERO.setScale(Checks.QUANTITY_SCALE) : (BigDecimal) q;
    }

    private static BigDecimal onHand(Connection db, String sku, String warehouse) {
        return sum(Sql.value(db, "SELECT SUM(QUANTITY) FROM INV_STOCK WHERE SKU = ? AND WAREHOUSE = ?", sku, warehouse));
    }

    private static BigDecimal onHandTotal(Connection db, String sku) {
        return sum(Sql.value(db, "SELECT SUM(QUANTITY) FROM INV_STOCK WHERE SKU = ?", sku));
    }

    private static BigDecimal reserved(Connection db, String sku, String warehouse) {
        return sum(Sql.value(db, "SELECT SUM(OPEN_QTY) FROM INV_RESERVATION WHERE SKU = ? AND WAREHOUSE = ?"
                + " AND STATE = 'ACTIVE'", sku, warehouse));
    }

    private static BigDecimal reservedTotal(Connection db, String sku) {
        return sum(Sql.value(db, "SELECT SUM(OPEN_QTY) FROM INV_RESERVATION WHERE SKU = ? AND STATE = 'ACTIVE'", sku));
    }

    private BigDecimal layerValue(Connection db, String sku, String warehouse) {
        Object v = Sql.value(db, "SELECT SUM(LAYER_VALUE) FROM INV_LAYER WHERE SKU = ? AND WAREHOUSE = ?", sku, warehouse);
        return (v == null ? BigDecimal.ZERO : (BigDecimal) v).setScale(valueScale, RoundingMode.HALF_UP);
    }

    private static void addStock(Connection db, String sku, Place place, BigDecimal delta) {
        int updated = Sql.execute(db, "UPDATE INV_STOCK SET QUANTITY = QUANTITY + ? WHERE SKU = ? AND WAREHOUSE = ?"
                + " AND LOCATION = ? AND LOT = ?", delta, sku, place.warehouse(), place.location(), place.lot());
        if (updated == 0) {
            Sql.execute(db, "INSERT INTO INV_STOCK (SKU, WAREHOUSE, LOCATION, LOT, QUANTITY) VALUES (?, ?, ?, ?, ?)", sku, place.warehouse(), place.location(), place.lot(), delta);
        }
    }

    /** Adds stock at cost: a new layer for FIFO, merged into the one layer for moving average and standard. */
    private void addLayer(Connection db, Item item, String warehouse, long seq, BigDecimal quantity, BigDecimal value) {
        addLayerAt(db, item, warehouse, item.valuationMethod() == ValuationMethod.FIFO ? seq : 0, quantity, value);
    }

    private void addLayerAt(Connection db, Item item, String warehouse, long seq, BigDecimal quantity, BigDecimal value) {
        long key = item.valuationMethod() == ValuationMethod.FIFO ? seq : 0;
        if (key == 0) {
            int merged = Sql.execute(db, "UPDATE INV_LAYER SET QUANTITY = QUANTITY + ?, LAYER_VALUE = LAYER_VALUE + ?"
                    + " WHERE SKU = ? AND WAREHOUSE = ? AND SEQ = 0", quantity, value, item.sku(), warehouse);
            if (merged > 0) {
                return;
            }
        }
        Sql.execute(db, "INSERT INTO INV_LAYER (SKU, WAREHOUSE, SEQ, QUANTITY, LAYER_VALUE) VALUES (?, ?, ?, ?, ?)", item.sku(), warehouse, key, quantity, value);
    }

    /** Takes {@code quantity} out of the warehouse's layers, oldest first; returns its value. */
    private Consumed consume(Connection db, String sku, String warehouse, BigDecimal quantity) {
        BigDecimal remaining = quantity;
        BigDecimal value = BigDecimal.ZERO;
        List<Object[]> taken = new ArrayList<>();
        for (Object[] layer : Sql.rows(db, "SELECT ID, SEQ, QUANTITY, LAYER_VALUE FROM INV_LAYER"
                + " WHERE SKU = ? AND WAREHOUSE = ? AND QUANTITY > 0 ORDER BY SEQ, ID", sku, warehouse)) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal layerQty = (BigDecimal) layer[2];
            BigDecimal layerValue = (BigDecimal) layer[3];
            BigDecimal take = remaining.min(layerQty);
            BigDecimal takeValue = take.compareTo(layerQty) == 0 ? layerValue
                    : round(layerValue.multiply(take).divide(layerQty, 12, RoundingMode.HALF_UP));
            Sql.execute(db, "UPDATE INV_LAYER SET QUANTITY = QUANTITY - ?, LAYER_VALUE = LAYER_VALUE - ? WHERE ID = ?", take, takeValue, ((Number) layer[0]).longValue());
            taken.add(new Object[] {((Number) layer[1]).longValue(), take, takeValue});
            remaining = remaining.subtract(take);
            value = value.add(takeValue);
        }
        if (remaining.signum() > 0) {
            throw new IllegalStateException("Cost layers of " + sku + " in " + warehouse + " hold less than its stock on"
                    + " hand (" + remaining + " missing)");
        }
        Sql.execute(db, "DELETE FROM INV_LAYER WHERE SKU = ? AND WAREHOUSE = ? AND QUANTITY = 0 AND SEQ <> 0", sku, warehouse);
        return new Consumed(value.setScale(valueScale, RoundingMode.HALF_UP), taken);
    }

    /** The cost of one unit now: standard, the average, or for FIFO the newest layer's. */
    private BigDecimal unitCost(Connection db, Item item, String warehouse) {
        if (item.valuationMethod() == ValuationMethod.STANDARD) {
            return item.standardCost();
        }
        List<Object[]> layers = Sql.rows(db, "SELECT QUANTITY, LAYER_VALUE FROM INV_LAYER WHERE"
                + " SKU = ? AND QUANTITY > 0 ORDER BY SEQ DESC, ID DESC", item.sku());
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
        Object last = Sql.value(db, "SELECT UNIT_COST FROM INV_MOVE WHERE SKU = ? AND MOVE_TYPE = 'RECEIPT'"
                + " ORDER BY ID DESC", item.sku());
        return last == null ? BigDecimal.ZERO : (BigDecimal) last;
    }

    private long insertMove(Connection db, MoveType type, String sku, Place from, Place to, BigDecimal quantity,
                            BigDecimal unitCost, BigDecimal value, BigDecimal variance, String reference, String actor) {
        if (reference != null && reference.length() > 200) {
            throw invalid(List.of(new FieldError("reference", "is longer than 200 characters")));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("MOVE_TYPE", type.name());
        row.put("SKU", sku);
        row.put("WAREHOUSE", from.warehouse());
        row.put("LOCATION", from.location());
        row.put("TO_WAREHOUSE", to == null ? null : to.warehouse());
        row.put("TO_LOCATION", to == null ? null : to.location());
        row.put("LOT", from.lot());
        row.put("QUANTITY", quantity);
        row.put("UNIT_COST", unitCost);
        row.put("MOVE_VALUE", value);
        row.put("VARIANCE", variance);
        row.put("REFERENCE", reference);
        row.put("MOVED_AT", Instant.now());
        row.put("ACTOR", actor);
        return Sql.insertReturningId(db, "INV_MOVE", row);
    }

    private StockMove move(Connection db, long id) {
        Object[] r = Sql.rows(db, "SELECT ID, MOVE_TYPE, SKU, WAREHOUSE, LOCATION, TO_WAREHOUSE,"
                + " TO_LOCATION, LOT, QUANTITY, UNIT_COST, MOVE_VALUE, VARIANCE, REFERENCE, MOVED_AT, ACTOR FROM INV_MOVE"
                + " WHERE ID = ?", id).get(0);
        return new StockMove(id, MoveType.valueOf((String) r[1]), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], "".equals(r[7]) ? null : (String) r[7], strip((BigDecimal) r[8]),
                r[9] == null ? null : strip((BigDecimal) r[9]), ((BigDecimal) r[10]).setScale(valueScale, RoundingMode.HALF_UP),
                ((BigDecimal) r[11]).setScale(valueScale, RoundingMode.HALF_UP), (String) r[12],
                ((Timestamp) r[13]).toInstant(), (String) r[14]);
    }

    /** The written move as a record, and its event with everything the ledger needs to post it. */
    private StockMove moved(Connection db, long id, String actor) {
        StockMove move = move(db, id);
        events.publish(db, InventoryEvents.STOCK_MOVED.created(Long.toString(id), actor, new StockMoved(
                move.type().name().toLowerCase(java.util.Locale.ROOT), move.sku(), move.warehouse(), move.location(),
                move.toWarehouse(), move.toLocation(), move.lot(), move.quantity(), move.value(), move.variance(),
                move.unitCost(), move.at().atZone(ZoneOffset.UTC).toLocalDate(), move.reference())));
        return move;
    }

    private void lowStock(Connection db, Item item, String actor) {
        if (item.reorderPoint() == null) {
            return;
        }
        BigDecimal available = onHandTotal(db, item.sku()).subtract(reservedTotal(db, item.sku()));
        if (available.compareTo(item.reorderPoint()) < 0) {
            events.publish(db, InventoryEvents.STOCK_LOW.created(item.sku(), actor, new StockLow(item.sku(),
                    strip(available), item.reorderPoint())));
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
}
