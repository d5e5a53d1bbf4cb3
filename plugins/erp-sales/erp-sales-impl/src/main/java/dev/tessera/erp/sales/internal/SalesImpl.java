package dev.tessera.erp.sales.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.InventoryErrors;
import dev.tessera.erp.inventory.api.Issue;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.Price;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockMove;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.ledger.api.TaxableLine;
import dev.tessera.erp.ledger.api.TaxedLine;
import dev.tessera.erp.sales.api.Aging;
import dev.tessera.erp.sales.api.Allocation;
import dev.tessera.erp.sales.api.Billing;
import dev.tessera.erp.sales.api.CreditLine;
import dev.tessera.erp.sales.api.CustomerBilling;
import dev.tessera.erp.sales.api.Customers;
import dev.tessera.erp.sales.api.Invoice;
import dev.tessera.erp.sales.api.InvoiceKind;
import dev.tessera.erp.sales.api.InvoiceLine;
import dev.tessera.erp.sales.api.InvoiceStatus;
import dev.tessera.erp.sales.api.NewBilling;
import dev.tessera.erp.sales.api.NewOrder;
import dev.tessera.erp.sales.api.NewOrderLine;
import dev.tessera.erp.sales.api.NewPayment;
import dev.tessera.erp.sales.api.OrderLine;
import dev.tessera.erp.sales.api.OrderStatus;
import dev.tessera.erp.sales.api.Orders;
import dev.tessera.erp.sales.api.Payment;
import dev.tessera.erp.sales.api.SalesErrors;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.erp.sales.api.ShipLine;
import dev.tessera.erp.sales.api.Shipment;
import dev.tessera.erp.sales.api.ShippedLine;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Sql;

/**
 * Sales' services, each business operation one transaction of its own. The inventory (catalog, reservations,
 * issues) and the ledger's tax engine are optional, dynamic neighbours: without the inventory orders skip
 * reservation and say so; invoicing needs the tax engine and says so when it is away.
 * <p>
 * Confirming and shipping also act in the inventory, in its own transactions: reservations are made first and
 * released again when the order cannot be confirmed; stock is issued first and the shipment recorded right after.
 */
@Component(service = {Customers.class, Orders.class, Billing.class, SalesInternals.class},
        configurationPid = SalesImpl.PID)
@Designate(ocd = SalesConfig.class)
public final class SalesImpl implements Customers, Orders, Billing, SalesInternals {
    static final String PID = "dev.tessera.erp.sales";
    private static final Logger LOG = LoggerFactory.getLogger(SalesImpl.class);
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    private static final int MAX_LINES = 500;

    private final Transactions transactions;
    private final SalesStore store;
    private final BillingStore billing;

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
    public SalesImpl(@Reference Transactions transactions,
                     @Reference EventPublisher events, @Reference NumberSeries numbers,
                     @Reference(target = "(tessera.module=erp-sales)") ModuleSchema schema, SalesConfig config) {
        this.transactions = transactions;
        this.store = new SalesStore(events, numbers, Settings.of(config));
        this.billing = new BillingStore(store, numbers);
    }

    // ================================================================ customers

    @Override
    public List<CustomerBilling> customers(long afterAccountId, int limit) {
        return transactions.required(db -> store.customers(db, afterAccountId, limit));
    }

    @Override
    public Optional<CustomerBilling> billing(long accountId) {
        return transactions.required(db -> store.customer(db, accountId));
    }

    @Override
    public CustomerBilling setBilling(long accountId, NewBilling changes, String actor) {
        return transactions.required(db -> store.setBilling(db, accountId, changes, actor));
    }

    @Override
    public void copyAccount(Connection db, long accountId, String name, String address) {
        store.copyAccount(db, accountId, name, address);
    }

    // ================================================================ orders

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
        Currency currency = given != null ? given : transactions.required(db -> store.customer(db, order.accountId()))
                .map(c -> Currency.getInstance(c.currency())).orElse(store.settings().currency());
        LocalDate today = LocalDate.now();
        Priced priced = price(order.lines(), currency, today);
        return transactions.required(db -> store.insertOrder(db, order.accountId(), currency, priced.lines, priced.taxCalculated,
                null, null, null, priced.note, today, actor));
    }

    /**
     * The order of an accepted quote, from the quote's own lines and amounts (the ledger's engine taxed them), made
     * once per quote; it is then confirmed. An order that cannot be confirmed (credit limit, stock) stays a draft
     * with the reason in its note.
     */
    @Override
    public SalesOrder orderFromQuote(Connection db, QuoteCopy quote, String actor) {
        Optional<SalesOrder> existing = store.orderOfQuote(db, quote.quoteId());
        if (existing.isPresent()) {
            return null;
        }
        Catalog items = catalog;
        List<SalesStore.Line> lines = new ArrayList<>();
        for (QuoteCopy.Line l : quote.lines()) {
            boolean stocked = l.sku() != null && items != null && items.item(l.sku()).map(Item::active).orElse(false);
            lines.add(new SalesStore.Line(l.sku(), l.description(), l.quantity(), l.unitPrice(), l.discount(), l.net(),
                    l.taxCode(), l.tax(), l.gross(), stocked, l.contractMonths()));
        }
        String note = items == null && quote.lines().stream().anyMatch(l -> l.sku() != null)
                ? "Items not checked against the catalog: the inventory was not enabled when the order was made" : null;
        return store.insertOrder(db, quote.accountId(), quote.currency(), lines, quote.taxCalculated(),
                quote.opportunityId(),
                quote.quoteId(), quote.quoteNumber(), note, LocalDate.now(), actor);
    }

    @Override
    public SalesOrder orderOfQuote(Connection db, long quoteId) {
        return store.orderOfQuote(db, quoteId).orElse(null);
    }

    @Override
    public void confirmOrHold(long orderId, String actor) {
        try {
            confirm(orderId, actor);
        } catch (TesseraException e) {
            LOG.warn("Order {} made from a quote stays a draft: {} [{}]", orderId, e.getMessage(), e.code());
            transactions.run(db -> Sql.execute(db, "UPDATE SAL_ORDER SET NOTE = ? WHERE ID = ? AND STATUS = 'DRAFT'",
                    HELD + e.getMessage() + " [" + e.code() + "]", orderId));
        }
    }

    @Override
    public SalesOrder confirm(long id, String actor) {
        SalesOrder order = transactions.required(db -> {
            SalesOrder draft = store.lockOrder(db, id, EnumSet.of(OrderStatus.DRAFT), "confirmed");
            checkCredit(db, draft);
            return draft;
        });
        List<OrderLine> stocked = order.lines().stream().filter(OrderLine::stocked).toList();
        StockService inventory = stock;
        String note = order.note();
        Map<Integer, Reserved> reserved = new LinkedHashMap<>();
        if (!stocked.isEmpty() && inventory == null) {
            note = "Stock not reserved: the inventory is not enabled";
        } else {
            try {
                for (OrderLine line : stocked) {
                    reserved.put(line.line(), reserve(inventory, order, line, actor));
                }
            } catch (RuntimeException e) {
                release(inventory, reserved, actor);
                throw e;
            }
        }
        String finalNote = note;
        try {
            return transactions.required(db -> {
                SalesOrder draft = store.lockOrder(db, id, EnumSet.of(OrderStatus.DRAFT), "confirmed");
                checkCredit(db, draft);
                for (Map.Entry<Integer, Reserved> r : reserved.entrySet()) {
                    Sql.execute(db, "UPDATE SAL_ORDER_LINE SET WAREHOUSE = ?, RESERVATION_ID = ? WHERE ORDER_ID = ?"
                            + " AND LINE_NO = ?", r.getValue().warehouse(), r.getValue().id(), id, r.getKey());
                }
                return store.changeStatus(db, draft, OrderStatus.CONFIRMED, finalNote, "confirmed", actor,
                        Map.of("stockReserved", !reserved.isEmpty()));
            });
        } catch (RuntimeException e) {
            release(inventory, reserved, actor);
            throw e;
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

    private static void release(StockService inventory, Map<Integer, Reserved> reserved, String actor) {
        for (Reserved r : reserved.values()) {
            try {
                inventory.release(r.id(), actor);
            } catch (RuntimeException e) {
                LOG.error("Reservation {} could not be released after its order failed; release it with"
                        + " inventory:release: {}", r.id(), e.getMessage());
            }
        }
    }

    private void checkCredit(Connection db, SalesOrder order) {
        store.lockCustomer(db, order.accountId());
        CustomerBilling customer = store.ensureCustomer(db, order.accountId());
        if (customer.creditLimit() == null) {
            return;
        }
        BigDecimal exposure = store.exposure(db, order.accountId(), order.currency());
        BigDecimal after = exposure.add(order.gross());
        if (after.compareTo(customer.creditLimit()) > 0) {
            throw new TesseraException(SalesErrors.CREDIT_LIMIT_EXCEEDED, "Order " + order.number() + " of "
                    + order.gross().toPlainString() + " " + order.currency() + " would bring "
                    + (customer.name() == null ? "customer " + order.accountId() : customer.name()) + " to "
                    + after.setScale(2, RoundingMode.HALF_UP).toPlainString() + " open and ordered, over the credit"
                    + " limit of " + customer.creditLimit().stripTrailingZeros().toPlainString()
                    + "; collect payment or raise the limit (sales:billing)");
        }
    }

    @Override
    public SalesOrder cancel(long id, String reason, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String why = Changes.text(reason, "reason", 500, true, errors);
        ValidationException.throwIfAny(SalesErrors.INVALID, "The cancellation", errors);
        SalesOrder order = transactions.required(db -> store.lockOrder(db, id, EnumSet.of(OrderStatus.DRAFT,
                OrderStatus.CONFIRMED), "cancelled"));
        if (order.lines().stream().anyMatch(l -> l.shipped().signum() > 0 || l.invoiced().signum() > 0)) {
            throw new TesseraException(SalesErrors.ORDER_STATE, "Order " + order.number() + " has shipments or"
                    + " invoices; credit and return instead of cancelling");
        }
        List<Long> reservations = order.lines().stream().map(OrderLine::reservationId)
                .filter(java.util.Objects::nonNull).toList();
        StockService inventory = stock;
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
        return transactions.required(db -> {
            SalesOrder current = store.lockOrder(db, id, EnumSet.of(OrderStatus.DRAFT, OrderStatus.CONFIRMED),
                    "cancelled");
            Sql.execute(db, "UPDATE SAL_ORDER_LINE SET RESERVATION_ID = NULL WHERE ORDER_ID = ?", id);
            return store.changeStatus(db, current, OrderStatus.CANCELLED, "Cancelled: " + why, "cancelled", actor,
                    Map.of("reason", why, "reservationsReleased", reservations.size()));
        });
    }

    @Override
    public Shipment ship(long id, List<ShipLine> lines, String actor) {
        Set<OrderStatus> shippable = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED);
        SalesOrder order = transactions.required(db -> store.lockOrder(db, id, shippable, "shipped"));
        Map<Integer, BigDecimal> plan = shipPlan(order, lines);
        StockService inventory = stock;
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
                        .orElseThrow(() -> new TesseraException(InventoryErrors.INSUFFICIENT_STOCK, "No warehouse has "
                                + entry.getValue().stripTrailingZeros().toPlainString() + " " + line.sku()
                                + " available to ship on order " + order.number()));
            }
            StockMove move = inventory.issue(new Issue(line.sku(), warehouse, null, null, entry.getValue(),
                    order.number(), line.reservationId()), actor);
            shipped.add(new ShippedLine(line.line(), line.sku(), entry.getValue(), warehouse, move.value()));
        }
        try {
            return transactions.required(db -> {
                SalesOrder current = store.lockOrder(db, id, shippable, "shipped");
                Shipment shipment = store.insertShipment(db, current, shipped, actor);
                SalesOrder after = store.requireOrder(db, id);
                boolean all = after.lines().stream().filter(OrderLine::stocked)
                        .allMatch(l -> l.shipped().compareTo(l.quantity()) >= 0);
                BigDecimal cost = shipped.stream().map(ShippedLine::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
                List<Map<String, Object>> moved = new ArrayList<>();
                for (ShippedLine l : shipped) {
                    moved.add(Map.of("line", l.line(), "sku", l.sku(), "quantity", l.quantity().toPlainString(),
                            "warehouse", l.warehouse(), "cost", l.cost().toPlainString()));
                }
                store.changeStatus(db, current, all ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED, null,
                        "shipped", actor, Map.of("shipment", shipment.number(), "lines", moved, "cost",
                                cost.toPlainString(), "complete", all));
                return shipment;
            });
        } catch (RuntimeException e) {
            LOG.error("Stock was issued for order {} ({}) but its shipment could not be recorded: {}", order.number(),
                    shipped, e.toString());
            throw e;
        }
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

    @Override
    public List<Shipment> shipments(long orderId) {
        return transactions.required(db -> {
            store.requireOrder(db, orderId);
            return store.shipments(db, orderId);
        });
    }

    // ================================================================ invoices

    @Override
    public List<Invoice> invoices(InvoiceStatus status, Long accountId, long afterId, int limit) {
        Sql.Where where = new Sql.Where("ID > ?", afterId).and("STATUS", status).and("ACCOUNT_ID", accountId);
        return transactions.required(db -> billing.invoices(db, where, "ID", limit));
    }

    @Override
    public Optional<Invoice> invoice(long id) {
        return transactions.required(db -> billing.invoice(db, id));
    }

    @Override
    public Optional<Invoice> invoiceByNumber(String number) {
        return number == null ? Optional.empty() : transactions.required(db -> billing.byNumber(db, number.trim()));
    }

    @Override
    public Invoice invoiceOrder(long orderId, LocalDate issueDate, String actor) {
        LocalDate issued = issueDate == null ? LocalDate.now() : issueDate;
        TaxService engine = taxes;
        return transactions.required(db -> {
            SalesOrder order = store.lockOrder(db, orderId, EnumSet.of(OrderStatus.CONFIRMED,
                    OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.INVOICED), "invoiced");
            Currency currency = Currency.getInstance(order.currency());
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            List<OrderLine> toInvoice = new ArrayList<>();
            List<BigDecimal> quantities = new ArrayList<>();
            for (OrderLine l : order.lines()) {
                BigDecimal due = (l.stocked() ? l.shipped() : l.quantity()).subtract(l.invoiced());
                if (due.signum() > 0) {
                    toInvoice.add(l);
                    quantities.add(due);
                }
            }
            if (toInvoice.isEmpty()) {
                throw new TesseraException(SalesErrors.NOTHING_TO_INVOICE, "Order " + order.number()
                        + " has nothing to invoice: every shipped or ordered quantity is invoiced already"
                        + (order.lines().stream().anyMatch(l -> l.stocked() && l.shipped().compareTo(l.quantity()) < 0)
                        ? "; ship the rest first" : ""));
            }
            if (!order.taxCalculated() && engine == null) {
                throw new TesseraException(SalesErrors.TAX_UNAVAILABLE, "Order " + order.number() + " was entered"
                        + " while the ledger was away and carries no tax yet; enable erp-ledger to invoice it");
            }
            List<BillingStore.Draft> drafts = new ArrayList<>();
            if (order.taxCalculated()) {
                // the order's tax came from the ledger's engine (for the quote or the order): invoices split it by
                // quantity, the last part taking what is left, so they add up to the order to the cent
                for (int i = 0; i < toInvoice.size(); i++) {
                    OrderLine l = toInvoice.get(i);
                    BigDecimal q = quantities.get(i);
                    BigDecimal[] before = invoicedSoFar(db, orderId, l.line());
                    boolean last = l.invoiced().add(q).compareTo(l.quantity()) >= 0;
                    BigDecimal net = last ? l.net().subtract(before[0]).setScale(digits, RoundingMode.HALF_UP)
                            : share(l.net(), q, l.quantity(), digits);
                    BigDecimal tax = last ? l.tax().subtract(before[1]).setScale(digits, RoundingMode.HALF_UP)
                            : share(l.tax(), q, l.quantity(), digits);
                    drafts.add(new BillingStore.Draft(l.line(), l.sku(), l.description(), q, l.unitPrice(),
                            l.discountPercent(), net, l.taxCode(), tax, net.add(tax)));
                }
            } else {
                List<TaxableLine> taxable = new ArrayList<>();
                for (int i = 0; i < toInvoice.size(); i++) {
                    OrderLine l = toInvoice.get(i);
                    BigDecimal q = quantities.get(i);
                    BigDecimal net = l.invoiced().add(q).compareTo(l.quantity()) >= 0
                            ? l.net().subtract(invoicedSoFar(db, orderId, l.line())[0]).setScale(digits,
                            RoundingMode.HALF_UP) : share(l.net(), q, l.quantity(), digits);
                    taxable.add(new TaxableLine(net, l.taxCode() == null ? store.settings().defaultTaxCode()
                            : l.taxCode()));
                }
                TaxCalculation tax = engine.calculate(order.currency(), taxable);
                for (int i = 0; i < toInvoice.size(); i++) {
                    OrderLine l = toInvoice.get(i);
                    TaxedLine t = tax.lines().get(i);
                    drafts.add(new BillingStore.Draft(l.line(), l.sku(), l.description(), quantities.get(i),
                            l.unitPrice(), l.discountPercent(), t.net(), t.taxCode(), t.tax(), t.gross()));
                }
            }
            CustomerBilling customer = store.ensureCustomer(db, order.accountId());
            Invoice invoice = billing.insert(db, InvoiceKind.INVOICE, order, order.accountId(), order.currency(),
                    issued, issued.plusDays(customer.paymentTermsDays()), drafts, null, null, actor);
            for (int i = 0; i < toInvoice.size(); i++) {
                Sql.execute(db, "UPDATE SAL_ORDER_LINE SET INVOICED = INVOICED + ? WHERE ORDER_ID = ? AND LINE_NO = ?",
                        quantities.get(i), orderId, toInvoice.get(i).line());
            }
            store.publish(db, "sales.invoice.issued", invoice.id(), 1, actor, billing.payload(db, invoice),
                    Map.of("status", new dev.tessera.platform.api.event.FieldChange(null, "issued")));
            for (OrderLine l : toInvoice) {
                if (l.contractMonths() != null && l.invoiced().signum() == 0) {
                    contractDelivered(db, order, l, issued, actor);
                }
            }
            SalesOrder after = store.requireOrder(db, orderId);
            if (after.lines().stream().allMatch(l -> l.invoiced().compareTo(l.quantity()) >= 0)) {
                store.changeStatus(db, after, OrderStatus.INVOICED, null, "invoiced", actor,
                        Map.of("invoice", invoice.number()));
            }
            return billing.require(db, invoice.id());
        });
    }

    /** What the order line's invoices (not credit notes) took so far: net and tax. */
    private static BigDecimal[] invoicedSoFar(Connection db, long orderId, int line) {
        Object[] r = Sql.row(db, "SELECT COALESCE(SUM(il.NET), 0), COALESCE(SUM(il.TAX), 0) FROM SAL_INVOICE_LINE il"
                + " JOIN SAL_INVOICE i ON i.ID = il.INVOICE_ID WHERE i.ORDER_ID = ? AND i.KIND = 'INVOICE'"
                + " AND il.ORDER_LINE = ?", orderId, line);
        return new BigDecimal[] {Sql.decimal(r[0]), Sql.decimal(r[1])};
    }

    /** {@code amount} x {@code part} / {@code whole}, rounded to the currency. */
    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole, int digits) {
        return amount.multiply(part).divide(whole, digits, RoundingMode.HALF_UP);
    }

    /** A contract line's term starts when it is first invoiced: the pipeline plans its renewal from this. */
    private void contractDelivered(Connection db, SalesOrder order, OrderLine line, LocalDate start, String actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderNumber", order.number());
        payload.put("line", line.line());
        payload.put("accountId", order.accountId());
        Changes.putIf(payload, "opportunityId", order.opportunityId());
        Changes.putIf(payload, "sku", line.sku());
        payload.put("description", line.description());
        payload.put("termStart", start.toString());
        payload.put("termEnd", start.plusMonths(line.contractMonths()).toString());
        payload.put("amount", line.net().toPlainString());
        payload.put("currency", order.currency());
        store.publish(db, "sales.contract.delivered", order.id(), line.line(), actor, payload, Map.of());
    }

    @Override
    public Invoice creditNote(long invoiceId, List<CreditLine> lines, String reason, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String why = Changes.text(reason, "reason", 500, true, errors);
        ValidationException.throwIfAny(SalesErrors.INVALID, "The credit note", errors);
        return transactions.required(db -> {
            Sql.execute(db, "UPDATE SAL_INVOICE SET PAID = PAID WHERE ID = ?", invoiceId);
            Invoice invoice = billing.require(db, invoiceId);
            if (invoice.kind() != InvoiceKind.INVOICE) {
                throw new TesseraException(SalesErrors.INVOICE_CLOSED, invoice.number() + " is a credit note itself");
            }
            Currency currency = Currency.getInstance(invoice.currency());
            Map<Integer, BigDecimal[]> credited = billing.credited(db, invoiceId);
            List<BillingStore.Draft> drafts = new ArrayList<>();
            List<CreditLine> wanted = lines == null || lines.isEmpty() ? invoice.lines().stream()
                    .map(l -> new CreditLine(l.line(), l.quantity().subtract(credited.getOrDefault(l.line(),
                            new BigDecimal[] {BigDecimal.ZERO})[0]))).filter(c -> c.quantity().signum() > 0).toList()
                    : lines;
            for (int i = 0; i < wanted.size(); i++) {
                CreditLine c = wanted.get(i);
                String at = "lines[" + i + "].";
                if (c == null || c.line() < 1 || c.line() > invoice.lines().size()) {
                    errors.add(new FieldError(at + "line", "must be a line of invoice " + invoice.number()));
                    continue;
                }
                InvoiceLine l = invoice.lines().get(c.line() - 1);
                BigDecimal[] before = credited.getOrDefault(l.line(), new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO});
                BigDecimal left = l.quantity().subtract(before[0]);
                if (c.quantity() == null || c.quantity().signum() <= 0 || c.quantity().compareTo(left) > 0) {
                    errors.add(new FieldError(at + "quantity", "must be more than zero and at most "
                            + left.stripTrailingZeros().toPlainString() + " (invoiced less credited)"));
                    continue;
                }
                BigDecimal net;
                BigDecimal tax;
                if (c.quantity().compareTo(left) == 0) {
                    net = l.net().subtract(before[1]);
                    tax = l.tax().subtract(before[2]);
                } else {
                    net = l.net().multiply(c.quantity()).divide(l.quantity(), currency.getDefaultFractionDigits(),
                            RoundingMode.HALF_UP);
                    tax = l.tax().multiply(c.quantity()).divide(l.quantity(), currency.getDefaultFractionDigits(),
                            RoundingMode.HALF_UP);
                }
                drafts.add(new BillingStore.Draft(l.line(), l.sku(), l.description(), c.quantity(), l.unitPrice(),
                        l.discountPercent(), net, l.taxCode(), tax, net.add(tax)));
            }
            if (wanted.isEmpty()) {
                errors.add(new FieldError("lines", "invoice " + invoice.number() + " is credited in full already"));
            }
            ValidationException.throwIfAny(SalesErrors.INVALID, "The credit note", errors);
            BigDecimal gross = drafts.stream().map(BillingStore.Draft::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (gross.compareTo(invoice.open()) > 0) {
                throw new ValidationException(SalesErrors.OVER_CREDIT, "The credit note of " + gross.toPlainString()
                        + " " + invoice.currency() + " is more than the " + invoice.open().toPlainString() + " open on "
                        + invoice.number() + "; refund what was paid separately",
                        List.of(new FieldError("lines", "credit at most what is open")));
            }
            LocalDate today = LocalDate.now();
            SalesOrder order = invoice.orderId() == null ? null : store.requireOrder(db, invoice.orderId());
            Invoice note = billing.insert(db, InvoiceKind.CREDIT_NOTE, order, invoice.accountId(), invoice.currency(),
                    today, today, drafts, invoiceId, why, actor);
            Map<String, Object> payload = billing.payload(db, note);
            payload.put("creditedInvoice", invoice.number());
            payload.put("reason", why);
            store.publish(db, "sales.credit-note.issued", note.id(), 1, actor, payload, Map.of());
            billing.settle(db, invoice, gross, actor, Map.of("creditNote", note.number()));
            orderPaidIfSettled(db, invoice.orderId(), actor);
            return billing.require(db, note.id());
        });
    }

    // ================================================================ payments

    @Override
    public Payment receivePayment(NewPayment in, String actor) {
        if (in == null) {
            throw new ValidationException(SalesErrors.INVALID, "The payment is required",
                    List.of(new FieldError("(body)", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.accountId() == null) {
            errors.add(new FieldError("accountId", "is required: the paying customer's account id"));
        }
        if (in.amount() == null || in.amount().signum() <= 0 || in.amount().compareTo(LIMIT) >= 0) {
            errors.add(new FieldError("amount", "must be greater than zero and below 10^12"));
        }
        Currency given = in.currency() == null ? null : SalesStore.currency(in.currency(), "currency", errors);
        if (given != null && in.amount() != null
                && in.amount().stripTrailingZeros().scale() > given.getDefaultFractionDigits()) {
            errors.add(new FieldError("amount", "has more decimals than " + given.getCurrencyCode() + " takes"));
        }
        String reference = Changes.text(in.reference(), "reference", 100, false, errors);
        ValidationException.throwIfAny(SalesErrors.INVALID, "The payment", errors);
        LocalDate receivedOn = in.receivedOn() == null ? LocalDate.now() : in.receivedOn();
        return transactions.required(db -> {
            store.lockCustomer(db, in.accountId());
            CustomerBilling customer = store.customer(db, in.accountId()).orElseThrow(() -> new TesseraException(
                    SalesErrors.CUSTOMER_NOT_FOUND, "No customer " + in.accountId() + " in sales: it has no order or"
                    + " invoice to pay"));
            String currency = given != null ? given.getCurrencyCode() : customer.currency();
            List<Invoice> targets = new ArrayList<>();
            if (in.invoiceIds() != null && !in.invoiceIds().isEmpty()) {
                for (Long invoiceId : in.invoiceIds()) {
                    Invoice invoice = billing.require(db, invoiceId == null ? -1 : invoiceId);
                    if (invoice.accountId() != in.accountId()) {
                        throw new ValidationException(SalesErrors.INVALID, "Invoice " + invoice.number()
                                + " is another customer's", List.of(new FieldError("invoiceIds", invoice.number()
                                + " belongs to customer " + invoice.accountId())));
                    }
                    if (!invoice.currency().equals(currency)) {
                        throw new ValidationException(SalesErrors.CURRENCY_MISMATCH, "Invoice " + invoice.number()
                                + " is in " + invoice.currency() + ", the payment in " + currency,
                                List.of(new FieldError("currency", "must be " + invoice.currency() + " to pay "
                                        + invoice.number())));
                    }
                    if (invoice.kind() != InvoiceKind.INVOICE || invoice.open().signum() <= 0) {
                        throw new TesseraException(SalesErrors.INVOICE_CLOSED, invoice.number() + " is "
                                + invoice.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + " and has nothing open to pay");
                    }
                    targets.add(invoice);
                }
            } else {
                targets.addAll(billing.openInvoices(db, in.accountId(), currency));
            }
            BigDecimal left = in.amount();
            List<Allocation> allocations = new ArrayList<>();
            for (Invoice invoice : targets) {
                if (left.signum() <= 0) {
                    break;
                }
                BigDecimal part = left.min(invoice.open());
                allocations.add(new Allocation(invoice.id(), invoice.number(), part));
                left = left.subtract(part);
            }
            Payment payment = billing.insertPayment(db, in.accountId(), in.amount(), currency, receivedOn, reference,
                    allocations, actor);
            for (Allocation a : allocations) {
                Invoice invoice = billing.require(db, a.invoiceId());
                billing.settle(db, invoice, a.amount(), actor, Map.of("payment", payment.id(), "paidNow",
                        a.amount().toPlainString(), "receivedOn", receivedOn.toString()));
                orderPaidIfSettled(db, invoice.orderId(), actor);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", payment.id());
            payload.put("accountId", payment.accountId());
            payload.put("amount", payment.amount().toPlainString());
            payload.put("currency", payment.currency());
            payload.put("date", receivedOn.toString());
            Changes.putIf(payload, "reference", reference);
            payload.put("allocated", payment.amount().subtract(payment.unallocated()).toPlainString());
            payload.put("unallocated", payment.unallocated().toPlainString());
            payload.put("invoices", allocations.stream().map(Allocation::invoiceNumber).toList());
            store.publish(db, "sales.payment.received", payment.id(), 1, actor, payload, Map.of());
            return billing.payment(db, payment.id());
        });
    }

    /** An invoiced order whose invoices are all settled is paid. */
    private void orderPaidIfSettled(Connection db, Long orderId, String actor) {
        if (orderId == null) {
            return;
        }
        SalesOrder order = store.requireOrder(db, orderId);
        if (order.status() != OrderStatus.INVOICED) {
            return;
        }
        Object[] open = Sql.row(db, "SELECT COUNT(*) FROM SAL_INVOICE WHERE ORDER_ID = ? AND KIND = 'INVOICE'"
                + " AND STATUS IN ('ISSUED', 'PARTIALLY_PAID')", orderId);
        if (Sql.longValue(open[0]) == 0) {
            store.changeStatus(db, order, OrderStatus.PAID, null, "paid", actor, Map.of());
        }
    }

    @Override
    public List<Payment> payments(long accountId) {
        return transactions.required(db -> billing.payments(db, accountId));
    }

    @Override
    public Aging aging(LocalDate asOf) {
        return transactions.required(db -> billing.aging(db, asOf == null ? LocalDate.now() : asOf));
    }

    @Override
    public int markOverdue(LocalDate today) {
        return transactions.required(db -> billing.markOverdue(db, today == null ? LocalDate.now() : today));
    }

    // ================================================================ pricing of entered orders

    private record Priced(List<SalesStore.Line> lines, boolean taxCalculated, String note) {
    }

    /**
     * Prices and taxes entered lines: a catalog item takes its list price unless one is typed; tax from the ledger's
     * engine when it is enabled, else none yet (the note says so; the invoice calculates it).
     */
    private Priced price(List<NewOrderLine> input, Currency currency, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null || input.isEmpty()) {
            errors.add(new FieldError("lines", "needs at least one line"));
        } else if (input.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "has " + input.size() + " lines; an order takes at most " + MAX_LINES));
        }
        ValidationException.throwIfAny(SalesErrors.INVALID, "The order", errors);
        Catalog items = catalog;
        TaxService engine = taxes;
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        List<SalesStore.Line> lines = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String at = "lines[" + i + "].";
            NewOrderLine in = input.get(i);
            if (in == null) {
                errors.add(new FieldError("lines[" + i + "]", "is empty"));
                continue;
            }
            int before = errors.size();
            String sku = in.sku() == null || in.sku().isBlank() ? null : in.sku().trim();
            String description = in.description() == null || in.description().isBlank() ? null : in.description().trim();
            BigDecimal quantity = in.quantity();
            if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 4
                    || quantity.compareTo(LIMIT) >= 0) {
                errors.add(new FieldError(at + "quantity", "must be greater than zero, below 10^12, with at most 4"
                        + " decimals"));
            }
            BigDecimal discount = in.discountPercent() == null ? BigDecimal.ZERO : in.discountPercent();
            if (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0) {
                errors.add(new FieldError(at + "discountPercent", "must be 0 to 100"));
            }
            BigDecimal unitPrice = in.unitPrice();
            if (unitPrice != null && (unitPrice.signum() < 0 || unitPrice.stripTrailingZeros().scale() > 6
                    || unitPrice.compareTo(LIMIT) >= 0)) {
                errors.add(new FieldError(at + "unitPrice", "must be zero or more, below 10^12, with at most 6 decimals"));
            }
            if (in.contractMonths() != null && (in.contractMonths() < 1 || in.contractMonths() > 120)) {
                errors.add(new FieldError(at + "contractMonths", "must be 1 to 120 months"));
            }
            boolean stocked = false;
            if (sku != null && items != null) {
                Optional<Item> item = items.item(sku);
                if (item.isEmpty()) {
                    errors.add(new FieldError(at + "sku", "'" + sku + "' is not an item of the catalog; order a"
                            + " service by description, without a SKU"));
                } else if (!item.get().active()) {
                    errors.add(new FieldError(at + "sku", sku + " is inactive in the catalog"));
                } else {
                    stocked = true;
                    description = description == null ? item.get().name() : description;
                    if (unitPrice == null) {
                        Optional<Price> price = items.price(sku, currency.getCurrencyCode(), null, today);
                        if (price.isEmpty()) {
                            errors.add(new FieldError(at + "unitPrice", "no price list has " + sku + " in "
                                    + currency.getCurrencyCode() + "; type the unit price"));
                        } else {
                            unitPrice = price.get().unitPrice();
                        }
                    }
                }
            } else if (unitPrice == null) {
                errors.add(new FieldError(at + "unitPrice", sku == null ? "is required for a line without a SKU"
                        : "is required: the inventory is not enabled to price " + sku));
            }
            if (description == null) {
                errors.add(new FieldError(at + "description", "is required for a line without a catalog item"));
            } else if (description.length() > 200) {
                errors.add(new FieldError(at + "description", "is longer than 200 characters"));
            }
            String taxCode = in.taxCode() == null || in.taxCode().isBlank() ? store.settings().defaultTaxCode()
                    : in.taxCode().trim();
            if (engine != null) {
                Optional<TaxCode> code = engine.taxCode(taxCode);
                if (code.isEmpty() || !code.get().active()) {
                    errors.add(new FieldError(at + "taxCode", "'" + taxCode + "' is not an active tax code of the ledger"));
                }
            }
            if (errors.size() > before) {
                continue;
            }
            BigDecimal gross = quantity.multiply(unitPrice);
            BigDecimal net = gross.subtract(gross.multiply(discount).divide(HUNDRED)).setScale(digits, RoundingMode.HALF_UP);
            lines.add(new SalesStore.Line(sku, description, quantity, unitPrice, discount, net, taxCode,
                    BigDecimal.ZERO.setScale(digits), net, stocked, in.contractMonths()));
        }
        ValidationException.throwIfAny(SalesErrors.INVALID, "The order", errors);
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

    @Override
    public Map<String, Boolean> integrations() {
        return Map.of("catalog", catalog != null, "stock", stock != null, "tax", taxes != null);
    }
}
