package dev.tessera.erp.sales.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.crm.pipeline.api.event.QuoteDetails;
import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.InventoryErrors;
import dev.tessera.erp.inventory.api.Issue;
import dev.tessera.erp.inventory.api.LineToPrice;
import dev.tessera.erp.inventory.api.PricedLine;
import dev.tessera.erp.inventory.api.Pricing;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockMove;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.ledger.api.TaxableLine;
import dev.tessera.erp.ledger.api.TaxedLine;
import dev.tessera.erp.sales.api.CustomerBilling;
import dev.tessera.erp.sales.api.NewOrder;
import dev.tessera.erp.sales.api.NewOrderLine;
import dev.tessera.erp.sales.api.OrderLine;
import dev.tessera.erp.sales.api.OrderStatus;
import dev.tessera.erp.sales.api.Orders;
import dev.tessera.erp.sales.api.SalesErrors;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.erp.sales.api.ShipLine;
import dev.tessera.erp.sales.api.Shipment;
import dev.tessera.erp.sales.api.ShippedLine;
import dev.tessera.erp.sales.api.event.SalesEvents;
import dev.tessera.erp.sales.api.event.ShipmentDetails;
import dev.tessera.platform.api.ErrorKind;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Neighbours;
import dev.tessera.platform.support.Sql;

/**
 * Sales orders: made from accepted quotes or entered, confirmed (credit checked, stock reserved), held when they
 * cannot be, shipped, cancelled. Each operation is one transaction, the inventory's reservations and issues included:
 * an order that cannot be confirmed or shipped leaves no reservation or stock move behind. The inventory and the
 * ledger's tax engine are optional, dynamic neighbours: without the inventory orders take typed prices and skip
 * reservation, and say so.
 */
@Component(service = {Orders.class, OrdersImpl.class}, configurationPid = OrdersImpl.PID)
@Designate(ocd = SalesConfig.class)
public final class OrdersImpl implements Orders {
    static final String PID = "dev.tessera.erp.sales";
    private static final Logger LOG = LoggerFactory.getLogger(OrdersImpl.class);

    private final Transactions transactions;
    private final ModuleManager modules;
    private final SalesStore store;
    private final CustomersImpl customers;
    private final EventPublisher events;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Catalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile StockService stock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TaxService taxes;

    @Activate
    public OrdersImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                      @Reference NumberSeries numbers, @Reference CustomersImpl customers,
                      @Reference(target = "(tessera.module=erp-sales)") ModuleSchema schema, SalesConfig config,
                      @Reference ModuleManager modules) {
        this.transactions = transactions;
        this.events = events;
        this.customers = customers;
        this.modules = modules;
        this.store = new SalesStore(events, numbers, Settings.of(config));
    }

    /** The catalog; null while the inventory is not enabled (503 while it is enabled but not active). */
    private Catalog catalog() {
        return Neighbours.optional(catalog, "erp-inventory", modules);
    }

    private StockService stock() {
        return Neighbours.optional(stock, "erp-inventory", modules);
    }

    private TaxService taxes() {
        return Neighbours.optional(taxes, "erp-ledger", modules);
    }

    @Override
    public List<SalesOrder> orders(OrderStatus status, Long accountId, long afterId, int limit) {
        Sql.Where where = new Sql.Where("ID > ?", afterId).and("STATUS", status).and("ACCOUNT_ID", accountId);
        return transactions.required(db -> store.orders(db, where, limit));
    }

    @Override
    public Optional<SalesOrder> order(long id) {
        return transactions.required(db -> store.order(db, id));
    }

    @Override
    public Optional<SalesOrder> orderOfQuote(long quoteId) {
        return transactions.required(db -> store.orderOfQuote(db, quoteId));
    }

    @Override
    public List<Shipment> shipments(long orderId) {
        return transactions.required(db -> {
            store.requireOrder(db, orderId);
            return store.shipments(db, orderId);
        });
    }

    /** Which neighbours are there now: catalog, stock, tax. */
    Map<String, Boolean> integrations() {
        return Map.of("catalog", catalog != null, "stock", stock != null, "tax", taxes != null);
    }

    // ================================================================ making orders

    @Override
    public SalesOrder createOrder(NewOrder order, String actor) {
        if (order == null) {
            throw new ValidationException(SalesErrors.INVALID, "The order is required",
                    List.of(new FieldError("(body)", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (order.accountId() == null) {
            errors.add(new FieldError("accountId", "is required: the customer's account id"));
        }
        Currency given = order.currency() == null ? null : SalesStore.currency(order.currency(), "currency", errors);
        ValidationException.throwIfAny(SalesErrors.INVALID, "The order", errors);
        return transactions.required(db -> {
            CustomerBilling customer = customers.require(db, order.accountId(), "accountId");
            Currency currency = given != null ? given : Currency.getInstance(customer.currency());
            LocalDate today = LocalDate.now();
            Priced priced = price(order.lines(), currency, today);
            return store.insertOrder(db, order.accountId(), currency, priced.lines(), priced.taxCalculated(), null,
                    null, null, priced.note(), today, actor);
        });
    }

    /**
     * The order of an accepted quote, from the quote's own lines and amounts (the ledger's engine taxed them), made
     * once per quote in the caller's transaction; null when the quote has its order already.
     */
    SalesOrder orderFromQuote(Connection db, QuoteDetails quote, String actor) {
        if (store.orderOfQuote(db, quote.id()).isPresent()) {
            return null;
        }
        customers.require(db, quote.accountId(), "accountId");
        Catalog items = catalog();
        List<SalesStore.Line> lines = new ArrayList<>();
        for (QuoteDetails.Line l : quote.lines()) {
            boolean stocked = l.sku() != null && items != null && items.item(l.sku()).map(i -> i.active()).orElse(false);
            lines.add(new SalesStore.Line(l.sku(), l.description(), l.quantity(), l.unitPrice(), l.discountPercent(),
                    l.net(), l.taxCode(), l.tax(), l.gross(), stocked, l.contractMonths()));
        }
        String note = items == null && quote.lines().stream().anyMatch(l -> l.sku() != null)
                ? "Items not checked against the catalog: the inventory was not enabled when the order was made" : null;
        return store.insertOrder(db, quote.accountId(), Currency.getInstance(quote.currency()), lines,
                quote.taxCalculated(), quote.opportunityId(), quote.id(), quote.number(), note, LocalDate.now(), actor);
    }

    // ================================================================ confirming and holding

    @Override
    public SalesOrder confirm(long id, String actor) {
        return transactions.required(db -> {
            SalesOrder draft = store.lockOrder(db, id, EnumSet.of(OrderStatus.DRAFT, OrderStatus.HELD), "confirmed");
            checkCredit(db, draft);
            List<OrderLine> stocked = draft.lines().stream().filter(OrderLine::stocked).toList();
            StockService inventory = stock();
            String note = draft.status() == OrderStatus.HELD ? null : draft.note();
            if (!stocked.isEmpty() && inventory == null) {
                note = "Stock not reserved: the inventory is not enabled";
            } else {
                for (OrderLine line : stocked) {
                    Reserved r = reserve(inventory, draft, line, actor);
                    Sql.execute(db, "UPDATE SAL_ORDER_LINE SET WAREHOUSE = ?, RESERVATION_ID = ? WHERE ORDER_ID = ?"
                            + " AND LINE_NO = ?", r.warehouse(), r.id(), id, line.line());
                }
            }
            if (note == null && draft.note() != null) {
                Sql.execute(db, "UPDATE SAL_ORDER SET NOTE = NULL WHERE ID = ?", id);
            }
            return store.changeStatus(db, draft, OrderStatus.CONFIRMED, note, SalesEvents.ORDER_CONFIRMED, actor);
        });
    }

    /**
     * Confirms an order made from a quote, in the caller's transaction; when the business refuses it (credit limit,
     * stock) the order is held with the reason instead, and waits for someone to confirm it once that is solved.
     */
    void confirmOrHold(Connection db, long orderId, String actor) {
        try {
            confirm(orderId, actor);
        } catch (TesseraException e) {
            if (e.kind() == ErrorKind.INTERNAL || e.kind() == ErrorKind.UNAVAILABLE
                    || e.code().equals(PlatformErrors.TRANSACTION_CONFLICT.code())) {
                throw e; // a failure a later delivery may not meet: not a reason to hold the order
            }
            LOG.warn("Order {} made from a quote is held: {} [{}]", orderId, e.getMessage(), e.code());
            SalesOrder draft = store.lockOrder(db, orderId, EnumSet.of(OrderStatus.DRAFT), "held");
            store.changeStatus(db, draft, OrderStatus.HELD, "Held: " + e.getMessage() + " [" + e.code() + "]",
                    SalesEvents.ORDER_HELD, actor);
        }
    }

    private record Reserved(long id, String warehouse) {
    }

    /** Reserves a line in the first warehouse (by preference, else by most available) that has all of it. */
    private Reserved reserve(StockService inventory, SalesOrder order, OrderLine line, String actor) {
        List<String> candidates = new ArrayList<>(store.settings().warehouses());
        List<StockLevel> levels = inventory.stock(line.sku(), null);
        if (candidates.isEmpty()) {
            levels.stream().sorted(Comparator.comparing(StockLevel::available).reversed())
                    .forEach(l -> candidates.add(l.warehouse()));
        }
        BigDecimal best = BigDecimal.ZERO;
        for (String warehouse : candidates) {
            BigDecimal available = levels.stream().filter(l -> l.warehouse().equals(warehouse))
                    .map(StockLevel::available).findFirst().orElse(BigDecimal.ZERO);
            best = best.max(available);
            if (available.compareTo(line.quantity()) >= 0) {
                return new Reserved(inventory.reserve(line.sku(), warehouse, line.quantity(), order.number(), actor)
                        .id(), warehouse);
            }
        }
        throw new TesseraException(InventoryErrors.INSUFFICIENT_STOCK, "Order " + order.number() + " line "
                + line.line() + " needs " + line.quantity().stripTrailingZeros().toPlainString() + " " + line.sku()
                + "; no warehouse has that many available (at most " + best.stripTrailingZeros().toPlainString()
                + "); receive stock or change the order");
    }

    private void checkCredit(Connection db, SalesOrder order) {
        store.lockCustomer(db, order.accountId());
        CustomerBilling customer = customers.require(db, order.accountId(), "accountId");
        if (customer.creditLimit() == null) {
            return;
        }
        BigDecimal exposure = store.exposure(db, order.accountId(), order.currency());
        BigDecimal after = exposure.add(order.gross());
        if (after.compareTo(customer.creditLimit()) > 0) {
            throw new TesseraException(SalesErrors.CREDIT_LIMIT_EXCEEDED, "Order " + order.number() + " of "
                    + order.gross().toPlainString() + " " + order.currency() + " would bring "
                    + (customer.name() == null ? "customer " + order.accountId() : customer.name()) + " to "
                    + after.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " open and ordered, over the"
                    + " credit limit of " + customer.creditLimit().stripTrailingZeros().toPlainString()
                    + "; collect payment or raise the limit (sales:billing)");
        }
    }

    // ================================================================ cancelling

    @Override
    public SalesOrder cancel(long id, String reason, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String why = Changes.text(reason, "reason", 500, true, errors);
        ValidationException.throwIfAny(SalesErrors.INVALID, "The cancellation", errors);
        return transactions.required(db -> {
            SalesOrder order = store.lockOrder(db, id, EnumSet.of(OrderStatus.DRAFT, OrderStatus.HELD,
                    OrderStatus.CONFIRMED), "cancelled");
            if (order.lines().stream().anyMatch(l -> l.shipped().signum() > 0 || l.invoiced().signum() > 0)) {
                throw new TesseraException(SalesErrors.ORDER_STATE, "Order " + order.number() + " has shipments or"
                        + " invoices; credit and return instead of cancelling");
            }
            List<Long> reservations = order.lines().stream().map(OrderLine::reservationId)
                    .filter(java.util.Objects::nonNull).toList();
            StockService inventory = stock();
            if (!reservations.isEmpty() && inventory == null) {
                throw new TesseraException(SalesErrors.INVENTORY_UNAVAILABLE, "Order " + order.number() + " holds "
                        + reservations.size() + " reservation(s) and the inventory is not enabled to release them;"
                        + " enable erp-inventory, then cancel");
            }
            for (Long reservation : reservations) {
                try {
                    inventory.release(reservation, actor);
                } catch (TesseraException e) {
                    if (!e.code().equals(InventoryErrors.RESERVATION_CLOSED.code())) {
                        throw e;
                    }
                }
            }
            Sql.execute(db, "UPDATE SAL_ORDER_LINE SET RESERVATION_ID = NULL WHERE ORDER_ID = ?", id);
            return store.changeStatus(db, order, OrderStatus.CANCELLED, "Cancelled: " + why,
                    SalesEvents.ORDER_CANCELLED, actor);
        });
    }

    // ================================================================ shipping

    @Override
    public Shipment ship(long id, List<ShipLine> lines, String actor) {
        Set<OrderStatus> shippable = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED);
        return transactions.required(db -> {
            SalesOrder order = store.lockOrder(db, id, shippable, "shipped");
            Map<Integer, BigDecimal> plan = shipPlan(order, lines);
            StockService inventory = stock();
            if (inventory == null) {
                throw new TesseraException(SalesErrors.INVENTORY_UNAVAILABLE, "Shipping issues stock and the inventory"
                        + " is not enabled; enable erp-inventory to ship order " + order.number());
            }
            List<ShippedLine> shipped = new ArrayList<>();
            for (Map.Entry<Integer, BigDecimal> entry : plan.entrySet()) {
                OrderLine line = order.lines().get(entry.getKey() - 1);
                String warehouse = line.warehouse();
                if (warehouse == null) {
                    warehouse = inventory.stock(line.sku(), null).stream()
                            .filter(l -> l.available().compareTo(entry.getValue()) >= 0)
                            .max(Comparator.comparing(StockLevel::available)).map(StockLevel::warehouse)
                            .orElseThrow(() -> new TesseraException(InventoryErrors.INSUFFICIENT_STOCK, "No warehouse"
                                    + " has " + entry.getValue().stripTrailingZeros().toPlainString() + " " + line.sku()
                                    + " available to ship on order " + order.number()));
                }
                StockMove move = inventory.issue(new Issue(line.sku(), warehouse, null, null, entry.getValue(),
                        order.number(), line.reservationId()), actor);
                shipped.add(new ShippedLine(line.line(), line.sku(), entry.getValue(), warehouse, move.value()));
            }
            Shipment shipment = store.insertShipment(db, order, shipped, actor);
            SalesOrder after = store.requireOrder(db, id);
            boolean all = after.lines().stream().filter(OrderLine::stocked)
                    .allMatch(l -> l.shipped().compareTo(l.quantity()) >= 0);
            BigDecimal cost = shipped.stream().map(ShippedLine::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            events.publish(db, SalesEvents.SHIPMENT_CREATED.created(Long.toString(shipment.id()), actor,
                    new ShipmentDetails(shipment.id(), shipment.number(), order.id(), order.number(), shipped.stream()
                            .map(l -> new ShipmentDetails.Line(l.line(), l.sku(), l.quantity(), l.warehouse(), l.cost()))
                            .toList(), cost, all)));
            store.changeStatus(db, order, all ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED, null,
                    SalesEvents.ORDER_SHIPPED, actor);
            return shipment;
        });
    }

    /** Which stocked lines to ship and how many: all that is left when no lines are named. */
    private static Map<Integer, BigDecimal> shipPlan(SalesOrder order, List<ShipLine> lines) {
        Map<Integer, BigDecimal> plan = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        boolean over = false;
        if (lines == null || lines.isEmpty()) {
            for (OrderLine l : order.lines()) {
                if (l.stocked() && l.quantity().compareTo(l.shipped()) > 0) {
                    plan.put(l.line(), l.quantity().subtract(l.shipped()));
                }
            }
            if (plan.isEmpty()) {
                throw new TesseraException(SalesErrors.ORDER_STATE, "Order " + order.number()
                        + " has nothing left to ship (its other lines are services, invoiced as ordered)");
            }
            return plan;
        }
        for (int i = 0; i < lines.size(); i++) {
            ShipLine s = lines.get(i);
            String at = "lines[" + i + "].";
            if (s == null || s.line() < 1 || s.line() > order.lines().size()) {
                errors.add(new FieldError(at + "line", "must be a line of the order, 1 to " + order.lines().size()));
                continue;
            }
            OrderLine l = order.lines().get(s.line() - 1);
            BigDecimal left = l.quantity().subtract(l.shipped()).subtract(plan.getOrDefault(l.line(), BigDecimal.ZERO));
            if (!l.stocked()) {
                errors.add(new FieldError(at + "line", "line " + l.line() + " is not a stock item: it is invoiced as"
                        + " ordered, never shipped"));
            } else if (s.quantity() == null || s.quantity().signum() <= 0 || s.quantity().stripTrailingZeros().scale() > 4) {
                errors.add(new FieldError(at + "quantity", "must be greater than zero with at most 4 decimals"));
            } else if (s.quantity().compareTo(left) > 0) {
                over = true;
                errors.add(new FieldError(at + "quantity", "is " + s.quantity().stripTrailingZeros().toPlainString()
                        + " but only " + left.stripTrailingZeros().toPlainString() + " of line " + l.line()
                        + " is left to ship"));
            } else {
                plan.merge(l.line(), s.quantity(), BigDecimal::add);
            }
        }
        ValidationException.throwIfAny(over ? SalesErrors.OVER_SHIPMENT : SalesErrors.INVALID, "The shipment", errors);
        return plan;
    }

    // ================================================================ pricing of entered orders

    private record Priced(List<SalesStore.Line> lines, boolean taxCalculated, String note) {
    }

    /**
     * Prices and taxes entered lines with the inventory's one pricing routine (the one that priced the quotes) and the
     * ledger's tax engine; while the ledger is away the order carries no tax yet and says so (the invoice calculates
     * it).
     */
    private Priced price(List<NewOrderLine> input, Currency currency, LocalDate today) {
        List<NewOrderLine> given = input == null ? List.of() : input;
        List<LineToPrice> requests = new ArrayList<>();
        for (NewOrderLine l : given) {
            requests.add(l == null ? null : new LineToPrice(l.sku(), l.description(), l.quantity(), l.unitPrice(),
                    l.discountPercent()));
        }
        Catalog items = catalog();
        TaxService engine = taxes();
        Pricing pricing = items != null ? items.price(requests, currency.getCurrencyCode(), null, today)
                : Pricing.manual(requests, currency);
        List<FieldError> errors = new ArrayList<>(pricing.errors());
        List<String> taxCodes = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            NewOrderLine in = given.get(i);
            String at = "lines[" + i + "].";
            String taxCode = in == null || in.taxCode() == null || in.taxCode().isBlank()
                    ? store.settings().defaultTaxCode() : in.taxCode().trim();
            taxCodes.add(taxCode);
            if (in == null) {
                continue;
            }
            if (engine != null) {
                Optional<TaxCode> code = engine.taxCode(taxCode);
                if (code.isEmpty() || !code.get().active()) {
                    errors.add(new FieldError(at + "taxCode", "'" + taxCode + "' is not an active tax code of the ledger"));
                }
            }
            if (in.contractMonths() != null && (in.contractMonths() < 1 || in.contractMonths() > 120)) {
                errors.add(new FieldError(at + "contractMonths", "must be 1 to 120 months"));
            }
        }
        ValidationException.throwIfAny(SalesErrors.INVALID, "The order", errors);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        List<SalesStore.Line> lines = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            PricedLine l = pricing.lines().get(i);
            lines.add(new SalesStore.Line(l.sku(), l.description(), l.quantity(), l.unitPrice(), l.discountPercent(),
                    l.net(), taxCodes.get(i), BigDecimal.ZERO.setScale(digits), l.net(), l.catalogItem(),
                    given.get(i).contractMonths()));
        }
        if (engine == null) {
            return new Priced(lines, false, "Tax not calculated: the ledger is not enabled (the invoice calculates it)");
        }
        TaxCalculation tax = engine.calculate(currency.getCurrencyCode(), lines.stream()
                .map(l -> new TaxableLine(l.net(), l.taxCode())).toList());
        List<SalesStore.Line> taxed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SalesStore.Line l = lines.get(i);
            TaxedLine t = tax.lines().get(i);
            taxed.add(new SalesStore.Line(l.sku(), l.description(), l.quantity(), l.unitPrice(), l.discount(), t.net(),
                    l.taxCode(), t.tax(), t.gross(), l.stocked(), l.contractMonths()));
        }
        return new Priced(taxed, true, null);
    }
}
