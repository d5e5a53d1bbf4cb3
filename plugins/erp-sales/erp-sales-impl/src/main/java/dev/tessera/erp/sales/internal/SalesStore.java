package dev.tessera.erp.sales.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tessera.erp.sales.api.CustomerBilling;
import dev.tessera.erp.sales.api.NewBilling;
import dev.tessera.erp.sales.api.OrderLine;
import dev.tessera.erp.sales.api.OrderStatus;
import dev.tessera.erp.sales.api.SalesErrors;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.erp.sales.api.Shipment;
import dev.tessera.erp.sales.api.ShippedLine;
import dev.tessera.erp.sales.api.event.BillingTerms;
import dev.tessera.erp.sales.api.event.OrderDetails;
import dev.tessera.erp.sales.api.event.SalesEvents;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.EventType;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Sql;

/**
 * Customers, orders and shipments on the SAL_ tables, each write with its event in the caller's transaction.
 * Callers open the transaction and pass its connection.
 */
final class SalesStore {
    static final String ORDER = "ID, NUMBER, ACCOUNT_ID, OPPORTUNITY_ID, QUOTE_ID, QUOTE_NUMBER, STATUS, CURRENCY, NET,"
            + " TAX, GROSS, NOTE, ORDER_DATE, CREATED_AT, CREATED_BY, VERSION, TAX_CALCULATED";
    static final String ORDER_LINE = "LINE_NO, SKU, DESCRIPTION, QUANTITY, UNIT_PRICE, DISCOUNT_PCT, NET, TAX_CODE, TAX,"
            + " GROSS, STOCKED, WAREHOUSE, RESERVATION_ID, SHIPPED, INVOICED, CONTRACT_MONTHS";
    static final String CUSTOMER = "ACCOUNT_ID, NAME, ADDRESS, TAX_ID, PAYMENT_TERMS, CREDIT_LIMIT, CURRENCY,"
            + " BILLING_ADDRESS, VERSION";
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private final EventPublisher events;
    private final NumberSeries numbers;
    private final Settings settings;

    SalesStore(EventPublisher events, NumberSeries numbers, Settings settings) {
        this.events = events;
        this.numbers = numbers;
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    // ================================================================ customers

    Optional<CustomerBilling> customer(Connection db, long accountId) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + CUSTOMER + " FROM SAL_CUSTOMER WHERE ACCOUNT_ID = ?",
                accountId)).map(SalesStore::customer);
    }

    List<CustomerBilling> customers(Connection db, long after, int limit) {
        return Sql.rows(db, limit, "SELECT " + CUSTOMER + " FROM SAL_CUSTOMER WHERE ACCOUNT_ID > ? ORDER BY ACCOUNT_ID",
                after).stream().map(SalesStore::customer).toList();
    }

    /** The customer, made with the default terms when sales meets the account for the first time. */
    CustomerBilling ensureCustomer(Connection db, long accountId) {
        Optional<CustomerBilling> known = customer(db, accountId);
        if (known.isPresent()) {
            return known.get();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ACCOUNT_ID", accountId);
        row.put("PAYMENT_TERMS", settings.paymentTermsDays());
        row.put("CURRENCY", settings.currency().getCurrencyCode());
        row.put("VERSION", 1L);
        Sql.insert(db, "SAL_CUSTOMER", row);
        return customer(db, accountId).orElseThrow();
    }

    /** The pipeline's relationship fields, copied from its events: never the billing fields. */
    void copyAccount(Connection db, long accountId, String name, String address) {
        ensureCustomer(db, accountId);
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("NAME", name);
        set.put("ADDRESS", address);
        Sql.update(db, "SAL_CUSTOMER", set, "ACCOUNT_ID = ?", accountId);
    }

    CustomerBilling setBilling(Connection db, long accountId, NewBilling in, String actor) {
        if (in == null) {
            throw new ValidationException(SalesErrors.INVALID, "The billing terms are required",
                    List.of(new FieldError("(body)", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String name = Changes.text(in.name(), "name", 200, false, errors);
        String taxId = Changes.text(in.taxId(), "taxId", 50, false, errors);
        String billingAddress = Changes.text(in.billingAddress(), "billingAddress", 500, false, errors);
        if (in.paymentTermsDays() != null && (in.paymentTermsDays() < 0 || in.paymentTermsDays() > 365)) {
            errors.add(new FieldError("paymentTermsDays", "must be 0 to 365 days"));
        }
        if (in.creditLimit() != null && (in.creditLimit().signum() < 0 || in.creditLimit().compareTo(LIMIT) >= 0
                || in.creditLimit().stripTrailingZeros().scale() > 4)) {
            errors.add(new FieldError("creditLimit", "must be zero or more, below 10^12, with at most 4 decimals"));
        }
        Currency currency = in.currency() == null ? null : currency(in.currency(), "currency", errors);
        ValidationException.throwIfAny(SalesErrors.INVALID, "The billing terms", errors);
        CustomerBilling before = ensureCustomer(db, accountId);
        Map<String, Object> set = new LinkedHashMap<>();
        if (name != null) {
            set.put("NAME", name);
        }
        if (in.taxId() != null) {
            set.put("TAX_ID", taxId);
        }
        if (in.paymentTermsDays() != null) {
            set.put("PAYMENT_TERMS", in.paymentTermsDays());
        }
        if (in.creditLimit() != null) {
            set.put("CREDIT_LIMIT", in.creditLimit());
        }
        if (currency != null) {
            set.put("CURRENCY", currency.getCurrencyCode());
        }
        if (in.billingAddress() != null) {
            set.put("BILLING_ADDRESS", billingAddress);
        }
        set.put("VERSION", before.version() + 1);
        Sql.update(db, "SAL_CUSTOMER", set, "ACCOUNT_ID = ?", accountId);
        CustomerBilling after = customer(db, accountId).orElseThrow();
        if (!terms(before).equals(terms(after))) {
            events.publish(db, SalesEvents.BILLING_UPDATED.changed(Long.toString(accountId), after.version(), actor,
                    terms(before), terms(after)));
        }
        return after;
    }

    static BillingTerms terms(CustomerBilling c) {
        return new BillingTerms(c.accountId(), c.name(), c.taxId(), c.paymentTermsDays(), c.creditLimit(), c.currency(),
                c.billingAddress());
    }

    private static CustomerBilling customer(Object[] r) {
        return new CustomerBilling(Sql.longValue(r[0]), (String) r[1], (String) r[2], (String) r[3], Sql.intValue(r[4]),
                Sql.decimal(r[5]), ((String) r[6]).trim(), (String) r[7], Sql.longValue(r[8]));
    }

    /**
     * What the customer owes and has ordered but not yet been invoiced for, in a currency: open invoices plus the
     * uninvoiced part of confirmed orders.
     */
    BigDecimal exposure(Connection db, long accountId, String currency) {
        BigDecimal open = Sql.decimal(Sql.row(db, "SELECT COALESCE(SUM(GROSS - PAID), 0) FROM SAL_INVOICE WHERE ACCOUNT_ID = ?"
                + " AND CURRENCY = ? AND KIND = 'INVOICE' AND STATUS IN ('ISSUED', 'PARTIALLY_PAID')", accountId,
                currency)[0]);
        BigDecimal ordered = BigDecimal.ZERO;
        for (Object[] l : Sql.rows(db, "SELECT l.GROSS, l.QUANTITY, l.INVOICED FROM SAL_ORDER_LINE l JOIN SAL_ORDER o"
                + " ON o.ID = l.ORDER_ID WHERE o.ACCOUNT_ID = ? AND o.CURRENCY = ? AND o.STATUS IN ('CONFIRMED',"
                + " 'PARTIALLY_SHIPPED', 'SHIPPED')", accountId, currency)) {
            BigDecimal quantity = Sql.decimal(l[1]);
            ordered = ordered.add(Sql.decimal(l[0]).multiply(quantity.subtract(Sql.decimal(l[2])))
                    .divide(quantity, 4, RoundingMode.HALF_UP));
        }
        return open.add(ordered);
    }

    /**
     * Locks the customer's row until the transaction ends: credit checks of one customer run one at a time. Every
     * operation on a customer's orders, invoices or payments takes this lock first, before the document's own row,
     * so two of them can never wait for each other in a circle.
     */
    void lockCustomer(Connection db, long accountId) {
        Sql.execute(db, "UPDATE SAL_CUSTOMER SET VERSION = VERSION WHERE ACCOUNT_ID = ?", accountId);
    }

    // ================================================================ orders

    /** A priced order line before it is saved. */
    record Line(String sku, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
                BigDecimal net, String taxCode, BigDecimal tax, BigDecimal gross, boolean stocked,
                Integer contractMonths) {
    }

    SalesOrder insertOrder(Connection db, long accountId, Currency currency, List<Line> lines, boolean taxCalculated,
                           Long opportunityId, Long quoteId, String quoteNumber, String note, LocalDate orderDate,
                           String actor) {
        ensureCustomer(db, accountId);
        lockCustomer(db, accountId);
        long id = Sql.nextId(db, "SAL_SEQUENCE", "order");
        String number = NumberSeries.format("SO-" + orderDate.getYear(), numbers.next(db, "SO-" + orderDate.getYear()));
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (Line l : lines) {
            net = net.add(l.net());
            tax = tax.add(l.tax());
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("NUMBER", number);
        row.put("ACCOUNT_ID", accountId);
        row.put("OPPORTUNITY_ID", opportunityId);
        row.put("QUOTE_ID", quoteId);
        row.put("QUOTE_NUMBER", quoteNumber);
        row.put("STATUS", OrderStatus.DRAFT);
        row.put("CURRENCY", currency.getCurrencyCode());
        row.put("NET", net);
        row.put("TAX", tax);
        row.put("GROSS", net.add(tax));
        row.put("TAX_CALCULATED", taxCalculated);
        row.put("NOTE", note);
        row.put("ORDER_DATE", orderDate);
        row.put("CREATED_AT", Instant.now());
        row.put("CREATED_BY", actor);
        row.put("VERSION", 1L);
        Sql.insert(db, "SAL_ORDER", row);
        int n = 0;
        for (Line l : lines) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("ORDER_ID", id);
            line.put("LINE_NO", ++n);
            line.put("SKU", l.sku());
            line.put("DESCRIPTION", l.description());
            line.put("QUANTITY", l.quantity());
            line.put("UNIT_PRICE", l.unitPrice());
            line.put("DISCOUNT_PCT", l.discount());
            line.put("NET", l.net());
            line.put("TAX_CODE", l.taxCode());
            line.put("TAX", l.tax());
            line.put("GROSS", l.gross());
            line.put("STOCKED", l.stocked());
            line.put("SHIPPED", BigDecimal.ZERO);
            line.put("INVOICED", BigDecimal.ZERO);
            line.put("CONTRACT_MONTHS", l.contractMonths());
            Sql.insert(db, "SAL_ORDER_LINE", line);
        }
        SalesOrder created = requireOrder(db, id);
        events.publish(db, SalesEvents.ORDER_CREATED.created(Long.toString(id), actor, details(created)));
        return created;
    }

    Optional<SalesOrder> order(Connection db, long id) {
        Object[] r = Sql.row(db, "SELECT " + ORDER + " FROM SAL_ORDER WHERE ID = ?", id);
        return r == null ? Optional.empty() : Optional.of(order(db, r));
    }

    SalesOrder requireOrder(Connection db, long id) {
        return order(db, id).orElseThrow(() -> new TesseraException(SalesErrors.ORDER_NOT_FOUND, "No order " + id));
    }

    Optional<SalesOrder> orderOfQuote(Connection db, long quoteId) {
        Object[] r = Sql.row(db, "SELECT " + ORDER + " FROM SAL_ORDER WHERE QUOTE_ID = ?", quoteId);
        return r == null ? Optional.empty() : Optional.of(order(db, r));
    }

    List<SalesOrder> orders(Connection db, Sql.Where where, int limit) {
        return Sql.rows(db, limit, "SELECT " + ORDER + " FROM SAL_ORDER WHERE " + where.sql() + " ORDER BY ID",
                where.args()).stream().map(r -> order(db, r)).toList();
    }

    /** Moves an order to a status (guarded by its version), with a note, publishing the event of that change. */
    SalesOrder changeStatus(Connection db, SalesOrder before, OrderStatus status, String note,
                            EventType<OrderDetails> type, String actor) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("STATUS", status);
        if (note != null) {
            set.put("NOTE", note);
        }
        set.put("VERSION", version(db, before.id()) + 1);
        Sql.update(db, "SAL_ORDER", set, "ID = ?", before.id());
        SalesOrder after = requireOrder(db, before.id());
        events.publish(db, type.changed(Long.toString(after.id()), version(db, after.id()), actor, details(before),
                details(after)));
        return after;
    }

    long version(Connection db, long orderId) {
        return Sql.longValue(Sql.row(db, "SELECT VERSION FROM SAL_ORDER WHERE ID = ?", orderId)[0]);
    }

    /**
     * Locks the order's customer, then the order's row, until the transaction ends, and checks the order is still in
     * one of the given states.
     */
    SalesOrder lockOrder(Connection db, long id, Set<OrderStatus> allowed, String doing) {
        Object[] account = Sql.row(db, "SELECT ACCOUNT_ID FROM SAL_ORDER WHERE ID = ?", id);
        if (account != null) {
            lockCustomer(db, Sql.longValue(account[0]));
        }
        Sql.execute(db, "UPDATE SAL_ORDER SET VERSION = VERSION WHERE ID = ?", id);
        SalesOrder order = requireOrder(db, id);
        if (!allowed.contains(order.status())) {
            throw new TesseraException(SalesErrors.ORDER_STATE, "Order " + order.number() + " is "
                    + order.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "; it cannot be " + doing
                    + " (only when " + String.join(" or ", allowed.stream().map(s -> s.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ')).sorted().toList()) + ")");
        }
        return order;
    }

    static OrderDetails details(SalesOrder o) {
        return new OrderDetails(o.id(), o.number(), o.accountId(), o.customerName(), o.opportunityId(), o.quoteId(),
                o.quoteNumber(), o.status(), o.currency(), o.net(), o.tax(), o.gross(), o.taxCalculated(), o.orderDate(),
                o.note(), o.lines().stream().map(l -> new OrderDetails.Line(l.line(), l.sku(), l.quantity(),
                        l.shipped(), l.stocked(), l.warehouse())).toList());
    }

    private SalesOrder order(Connection db, Object[] r) {
        long id = Sql.longValue(r[0]);
        Currency currency = Currency.getInstance(((String) r[7]).trim());
        List<OrderLine> lines = Sql.rows(db, "SELECT " + ORDER_LINE + " FROM SAL_ORDER_LINE WHERE ORDER_ID = ?"
                + " ORDER BY LINE_NO", id).stream().map(l -> line(l, currency)).toList();
        long account = Sql.longValue(r[2]);
        Object[] name = Sql.row(db, "SELECT NAME FROM SAL_CUSTOMER WHERE ACCOUNT_ID = ?", account);
        return new SalesOrder(id, (String) r[1], account, name == null ? null : (String) name[0], Sql.longOrNull(r[3]),
                Sql.longOrNull(r[4]), (String) r[5], OrderStatus.valueOf(((String) r[6]).trim()),
                currency.getCurrencyCode(), lines, money(r[8], currency), money(r[9], currency), money(r[10], currency),
                Sql.bool(r[16]), (String) r[11], Sql.date(r[12]), Sql.instant(r[13]), (String) r[14]);
    }

    private static OrderLine line(Object[] r, Currency currency) {
        return new OrderLine(Sql.intValue(r[0]), (String) r[1], (String) r[2], Sql.decimal(r[3]), Sql.decimal(r[4]),
                Sql.decimal(r[5]), money(r[6], currency), (String) r[7], money(r[8], currency), money(r[9], currency),
                Sql.bool(r[10]), (String) r[11], Sql.longOrNull(r[12]), Sql.decimal(r[13]), Sql.decimal(r[14]),
                r[15] == null ? null : Sql.intValue(r[15]));
    }

    // ================================================================ shipments

    Shipment insertShipment(Connection db, SalesOrder order, List<ShippedLine> lines, String actor) {
        long id = Sql.nextId(db, "SAL_SEQUENCE", "shipment");
        int year = LocalDate.now().getYear();
        String number = NumberSeries.format("SH-" + year, numbers.next(db, "SH-" + year));
        Instant now = Instant.now();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("NUMBER", number);
        row.put("ORDER_ID", order.id());
        row.put("SHIPPED_AT", now);
        row.put("SHIPPED_BY", actor);
        Sql.insert(db, "SAL_SHIPMENT", row);
        for (ShippedLine l : lines) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("SHIPMENT_ID", id);
            line.put("LINE_NO", l.line());
            line.put("SKU", l.sku());
            line.put("QUANTITY", l.quantity());
            line.put("WAREHOUSE", l.warehouse());
            line.put("COST", l.cost());
            Sql.insert(db, "SAL_SHIPMENT_LINE", line);
            Sql.execute(db, "UPDATE SAL_ORDER_LINE SET SHIPPED = SHIPPED + ? WHERE ORDER_ID = ? AND LINE_NO = ?",
                    l.quantity(), order.id(), l.line());
        }
        return shipment(db, id);
    }

    Shipment shipment(Connection db, long id) {
        Object[] r = Sql.row(db, "SELECT ID, NUMBER, ORDER_ID, SHIPPED_AT, SHIPPED_BY FROM SAL_SHIPMENT WHERE ID = ?", id);
        List<ShippedLine> lines = Sql.rows(db, "SELECT LINE_NO, SKU, QUANTITY, WAREHOUSE, COST FROM SAL_SHIPMENT_LINE"
                + " WHERE SHIPMENT_ID = ? ORDER BY LINE_NO", id).stream().map(l -> new ShippedLine(Sql.intValue(l[0]),
                (String) l[1], Sql.decimal(l[2]), (String) l[3], l[4] == null ? null
                : Sql.decimal(l[4]).setScale(2, RoundingMode.HALF_UP))).toList();
        return new Shipment(Sql.longValue(r[0]), (String) r[1], Sql.longValue(r[2]), lines, Sql.instant(r[3]),
                (String) r[4]);
    }

    List<Shipment> shipments(Connection db, long orderId) {
        return Sql.rows(db, "SELECT ID FROM SAL_SHIPMENT WHERE ORDER_ID = ? ORDER BY ID", orderId).stream()
                .map(r -> shipment(db, Sql.longValue(r[0]))).toList();
    }

    // ================================================================ plumbing



    static Currency currency(String code, String field, List<FieldError> errors) {
        try {
            return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new FieldError(field, "'" + code + "' is not an ISO 4217 currency code such as EUR"));
            return null;
        }
    }

    static BigDecimal money(Object value, Currency currency) {
        BigDecimal amount = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
    }


}
