package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.InventoryErrors;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.LineToPrice;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.Price;
import dev.tessera.erp.inventory.api.PriceList;
import dev.tessera.erp.inventory.api.Pricing;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.erp.inventory.api.event.InventoryEvents;
import dev.tessera.erp.inventory.api.event.PriceChanged;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.FieldChange;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Sql;

/** Items and price lists on INV_ITEM, INV_PRICE_LIST and INV_PRICE; every change with its event and diff. */
@Component(service = Catalog.class)
public final class CatalogImpl implements Catalog {
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,19}");

    private final Transactions transactions;
    private final EventPublisher events;

    @Activate
    public CatalogImpl(@Reference Transactions transactions,
                       @Reference EventPublisher events,
                       @Reference(target = "(tessera.module=erp-inventory)") ModuleSchema schema) {
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public List<Item> items(String afterSku, int limit) {
        return transactions.required(db -> Sql.rows(db, limit, "SELECT " + Items.COLUMNS + " FROM INV_ITEM WHERE SKU > ?"
                + " ORDER BY SKU", afterSku == null ? "" : afterSku).stream().map(Items::item).toList());
    }

    @Override
    public boolean countedInWholeUnits(String uom) {
        return Units.counted(uom);
    }

    @Override
    public Optional<Item> item(String sku) {
        return sku == null ? Optional.empty()
                : transactions.required(db -> Items.find(db, sku));
    }

    @Override
    public Item createItem(NewItem item, String actor) {
        Item checked = check(item, "", new ArrayList<>(), true);
        return transactions.required(db -> insert(db, checked, actor));
    }

    @Override
    public int importItems(List<NewItem> items, IntConsumer progress, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            throw new ValidationException(InventoryErrors.INVALID_IMPORT, "There are no items to import",
                    List.of(new FieldError("rows", "needs at least one item")));
        }
        List<Item> checked = new ArrayList<>();
        Set<String> skus = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            int before = errors.size();
            Item item = check(items.get(i), "rows[" + (i + 1) + "].", errors, false);
            if (errors.size() == before && !skus.add(item.sku())) {
                errors.add(new FieldError("rows[" + (i + 1) + "].sku", item.sku() + " appears twice in the file"));
            }
            checked.add(item);
        }
        return transactions.required(db -> {
            for (int i = 0; i < checked.size(); i++) {
                Item item = checked.get(i);
                if (item != null && item.sku() != null && Items.find(db, item.sku()).isPresent()) {
                    errors.add(new FieldError("rows[" + (i + 1) + "].sku", item.sku() + " is in the catalog already"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(InventoryErrors.INVALID_IMPORT, "Nothing was imported: " + errors.size()
                        + " problem(s) in " + items.size() + " rows; fix them and import the whole file again", errors);
            }
            int written = 0;
            for (Item item : checked) {
                insert(db, item, actor);
                written++;
                if (written % 100 == 0 || written == checked.size()) {
                    progress.accept(written);
                }
            }
            return written;
        });
    }

    @Override
    public Item updateItem(String sku, NewItem changes, String actor) {
        return transactions.required(db -> {
            Item before = Items.find(db, sku).orElseThrow(() -> new TesseraException(InventoryErrors.ITEM_NOT_FOUND,
                    "No item " + sku));
            List<FieldError> errors = new ArrayList<>();
            if (changes.sku() != null && !changes.sku().equals(sku)) {
                errors.add(new FieldError("sku", "cannot change; create a new item instead"));
            }
            if (changes.valuationMethod() != null && changes.valuationMethod() != before.valuationMethod()) {
                errors.add(new FieldError("valuationMethod", "cannot change once the item exists"));
            }
            if (changes.lotTracked() != null && changes.lotTracked() != before.lotTracked()) {
                errors.add(new FieldError("lotTracked", "cannot change once the item exists"));
            }
            NewItem merged = new NewItem(sku, or(changes.name(), before.name()), or(changes.uom(), before.uom()),
                    or(changes.category(), before.category()), before.lotTracked(), before.valuationMethod(),
                    or(changes.standardCost(), before.standardCost()), or(changes.reorderPoint(), before.reorderPoint()),
                    or(changes.reorderQuantity(), before.reorderQuantity()));
            Item after = check(merged, "", errors, false);
            ValidationException.throwIfAny(InventoryErrors.INVALID, "The item", errors);
            Items.update(db, after);
            Item result = Items.find(db, sku).orElseThrow();
            if (!result.equals(before)) {
                events.publish(db, InventoryEvents.ITEM_UPDATED.changed(sku, 1, actor, before, result));
            }
            return result;
        });
    }

    @Override
    public Item setActive(String sku, boolean active, String actor) {
        return transactions.required(db -> {
            Item before = Items.find(db, sku).orElseThrow(() -> new TesseraException(InventoryErrors.ITEM_NOT_FOUND,
                    "No item " + sku));
            Sql.execute(db, "UPDATE INV_ITEM SET ACTIVE = ? WHERE SKU = ?", active, sku);
            Item after = Items.find(db, sku).orElseThrow();
            if (before.active() != active) {
                events.publish(db, InventoryEvents.ITEM_UPDATED.changed(sku, 1, actor, before, after));
            }
            return after;
        });
    }

    private Item insert(Connection db, Item item, String actor) {
        if (Items.find(db, item.sku()).isPresent()) {
            throw new TesseraException(InventoryErrors.DUPLICATE_ITEM, "Item " + item.sku() + " exists already");
        }
        Items.insert(db, item);
        Item created = Items.find(db, item.sku()).orElseThrow();
        events.publish(db, InventoryEvents.ITEM_CREATED.created(created.sku(), actor, created));
        return created;
    }

    /** Checks an item; throws with every wrong field when {@code raise}, else collects them and returns null. */
    static Item check(NewItem item, String at, List<FieldError> errors, boolean raise) {
        int before = errors.size();
        if (item == null) {
            errors.add(new FieldError(at + "sku", "is required"));
        } else {
            if (item.sku() == null || !SKU.matcher(item.sku()).matches()) {
                errors.add(new FieldError(at + "sku", "must be 1 to 40 letters, digits, dots, hyphens or underscores,"
                        + " starting with a letter or digit"));
            }
            Checks.text(item.name(), at + "name", 200, true, errors);
            Checks.text(item.uom(), at + "uom", 20, true, errors);
            Checks.text(item.category(), at + "category", 100, false, errors);
            if (item.valuationMethod() == ValuationMethod.STANDARD && item.standardCost() == null) {
                errors.add(new FieldError(at + "standardCost", "is required for an item valued at standard cost"));
            }
            Checks.money(item.standardCost(), at + "standardCost", false, errors);
            Checks.notNegative(item.reorderPoint(), at + "reorderPoint", errors);
            Checks.notNegative(item.reorderQuantity(), at + "reorderQuantity", errors);
        }
        if (errors.size() > before) {
            if (raise) {
                ValidationException.throwIfAny(InventoryErrors.INVALID, "The item", errors);
            }
            return null;
        }
        return new Item(item.sku(), item.name().trim(), item.uom().trim(),
                item.category() == null || item.category().isBlank() ? null : item.category().trim(), true,
                Boolean.TRUE.equals(item.lotTracked()),
                item.valuationMethod() == null ? ValuationMethod.FIFO : item.valuationMethod(), item.standardCost(),
                item.reorderPoint(), item.reorderQuantity());
    }

    // ================================================================ prices

    @Override
    public PriceList createPriceList(PriceList list, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (list == null || list.code() == null || !CODE.matcher(list.code()).matches()) {
            errors.add(new FieldError("code", "must be 1 to 20 letters, digits, dots, hyphens or underscores"));
        }
        if (list != null) {
            Checks.text(list.name(), "name", 200, true, errors);
            try {
                Currency.getInstance(String.valueOf(list.currency()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("currency", "'" + list.currency() + "' is not an ISO 4217 currency code"));
            }
            if (list.validFrom() != null && list.validTo() != null && list.validFrom().isAfter(list.validTo())) {
                errors.add(new FieldError("validTo", "must not be before validFrom"));
            }
            Checks.text(list.customerGroup(), "customerGroup", 50, false, errors);
        }
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The price list", errors);
        return transactions.required(db -> {
            if (Sql.row(db, "SELECT CODE FROM INV_PRICE_LIST WHERE CODE = ?", list.code()) != null) {
                throw new TesseraException(InventoryErrors.DUPLICATE_PRICE_LIST, "Price list " + list.code()
                        + " exists already");
            }
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("CODE", list.code());
            columns.put("NAME", list.name().trim());
            columns.put("CURRENCY", list.currency());
            columns.put("VALID_FROM", list.validFrom());
            columns.put("VALID_TO", list.validTo());
            columns.put("CUSTOMER_GROUP", list.customerGroup());
            Sql.insert(db, "INV_PRICE_LIST", columns);
            PriceList created = new PriceList(list.code(), list.name().trim(), list.currency(), list.validFrom(),
                    list.validTo(), list.customerGroup());
            events.publish(db, InventoryEvents.PRICE_LIST_CREATED.created(list.code(), actor, created));
            return created;
        });
    }

    @Override
    public List<PriceList> priceLists() {
        return transactions.required(db -> Sql.rows(db, "SELECT CODE, NAME, CURRENCY, VALID_FROM, VALID_TO,"
                + " CUSTOMER_GROUP FROM INV_PRICE_LIST ORDER BY CODE").stream()
                .map(r -> new PriceList((String) r[0], (String) r[1], Sql.text(r[2]), Sql.date(r[3]), Sql.date(r[4]),
                        (String) r[5])).toList());
    }

    @Override
    public Price setPrice(String priceList, String sku, BigDecimal unitPrice, String actor) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal price = Checks.money(unitPrice, "unitPrice", true, errors);
        ValidationException.throwIfAny(InventoryErrors.INVALID, "The price", errors);
        return transactions.required(db -> {
            Object listCurrency = Sql.value(db, "SELECT CURRENCY FROM INV_PRICE_LIST WHERE CODE = ?", priceList);
            if (listCurrency == null) {
                throw new ValidationException(InventoryErrors.UNKNOWN_PRICE_LIST, "No price list " + priceList,
                        List.of(new FieldError("priceList", "'" + priceList + "' is not a price list")));
            }
            if (Items.find(db, String.valueOf(sku)).isEmpty()) {
                throw new ValidationException(InventoryErrors.UNKNOWN_ITEM, "No item " + sku,
                        List.of(new FieldError("sku", "'" + sku + "' is not an item of the catalog")));
            }
            BigDecimal old = (BigDecimal) Sql.value(db, "SELECT UNIT_PRICE FROM INV_PRICE WHERE PRICE_LIST = ? AND SKU = ?",
                    priceList, sku);
            if (old == null) {
                Sql.execute(db, "INSERT INTO INV_PRICE (PRICE_LIST, SKU, UNIT_PRICE) VALUES (?, ?, ?)", priceList, sku, price);
            } else {
                Sql.execute(db, "UPDATE INV_PRICE SET UNIT_PRICE = ? WHERE PRICE_LIST = ? AND SKU = ?", price, priceList, sku);
            }
            String currency = Sql.text(listCurrency);
            if (old == null || old.compareTo(price) != 0) {
                BigDecimal after = StockServiceImpl.strip(price);
                events.publish(db, InventoryEvents.PRICE_CHANGED.event(priceList, 1, actor, new PriceChanged(priceList,
                        sku, currency, after), Map.of("unitPrice", new FieldChange(old == null ? null
                        : StockServiceImpl.strip(old), after))));
            }
            return new Price(priceList, sku, currency, price);
        });
    }

    @Override
    public Optional<Price> price(String sku, String currency, String customerGroup, LocalDate date) {
        LocalDate day = date == null ? LocalDate.now() : date;
        return transactions.required(db -> listPrice(db, sku, currency, customerGroup, day));
    }

    @Override
    public Pricing price(List<LineToPrice> lines, String currency, String customerGroup, LocalDate date) {
        Currency money;
        try {
            money = Currency.getInstance(String.valueOf(currency));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(InventoryErrors.INVALID, "Unknown currency", List.of(new FieldError("currency",
                    "'" + currency + "' is not an ISO 4217 currency code")));
        }
        LocalDate day = date == null ? LocalDate.now() : date;
        return transactions.required(db -> Pricing.price(lines, money, sku -> Items.find(db, sku).map(item -> {
            Optional<Price> price = listPrice(db, sku, money.getCurrencyCode(), customerGroup, day);
            return new Pricing.CatalogEntry(item.name(), item.active(), price.map(Price::unitPrice).orElse(null),
                    price.map(Price::priceList).orElse(null));
        }).orElse(null)));
    }

    private static Optional<Price> listPrice(Connection db, String sku, String currency, String customerGroup,
                                             LocalDate day) {
        List<Object[]> found = Sql.rows(db, "SELECT p.PRICE_LIST, p.UNIT_PRICE, l.CUSTOMER_GROUP FROM"
                + " INV_PRICE p JOIN INV_PRICE_LIST l ON l.CODE = p.PRICE_LIST WHERE p.SKU = ? AND l.CURRENCY = ?"
                + " AND (l.VALID_FROM IS NULL OR l.VALID_FROM <= ?) AND (l.VALID_TO IS NULL OR l.VALID_TO >= ?)"
                + " ORDER BY l.CODE", sku, currency, day, day);
        Object[] best = null;
        for (Object[] row : found) {
            if (customerGroup != null && customerGroup.equals(row[2])) {
                best = row;
                break;
            }
            if (row[2] == null && best == null) {
                best = row;
            }
        }
        return Optional.ofNullable(best).map(r -> new Price((String) r[0], sku, currency,
                ((BigDecimal) r[1]).stripTrailingZeros()));
    }

    // ================================================================ plumbing

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

}
