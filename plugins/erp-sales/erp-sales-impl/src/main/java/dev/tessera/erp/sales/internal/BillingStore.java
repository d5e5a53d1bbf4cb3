package dev.tessera.erp.sales.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.tessera.erp.sales.api.Aging;
import dev.tessera.erp.sales.api.Allocation;
import dev.tessera.erp.sales.api.Invoice;
import dev.tessera.erp.sales.api.InvoiceKind;
import dev.tessera.erp.sales.api.InvoiceLine;
import dev.tessera.erp.sales.api.InvoiceStatus;
import dev.tessera.erp.sales.api.Payment;
import dev.tessera.erp.sales.api.SalesErrors;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.erp.sales.api.event.InvoiceDetails;
import dev.tessera.erp.sales.api.event.SalesEvents;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.EventType;
import dev.tessera.platform.api.event.FieldChange;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.support.Sql;

/** Invoices, credit notes, payments and aging on the SAL_ tables, each write with its events. */
final class BillingStore {
    static final String INVOICE = "ID, NUMBER, KIND, ORDER_ID, ACCOUNT_ID, CURRENCY, ISSUE_DATE, DUE_DATE, NET, TAX,"
            + " GROSS, PAID, STATUS, CREDITED_INVOICE, REASON";
    static final String INVOICE_LINE = "LINE_NO, ORDER_LINE, SKU, DESCRIPTION, QUANTITY, UNIT_PRICE, DISCOUNT_PCT, NET,"
            + " TAX_CODE, TAX, GROSS";

    private final SalesStore sales;
    private final NumberSeries numbers;
    private final EventPublisher events;

    BillingStore(SalesStore sales, NumberSeries numbers, EventPublisher events) {
        this.sales = sales;
        this.numbers = numbers;
        this.events = events;
    }

    /** An invoice line before it is saved (taxed already). */
    record Draft(Integer orderLine, String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                 BigDecimal discount, BigDecimal net, String taxCode, BigDecimal tax, BigDecimal gross) {
    }

    /** Takes the next gap-free number of the document's series and saves it with its lines. */
    Invoice insert(Connection db, InvoiceKind kind, SalesOrder order, long accountId, String currency,
                   LocalDate issueDate, LocalDate dueDate, List<Draft> lines, Long credited, String reason,
                   String actor) {
        String series = (kind == InvoiceKind.INVOICE ? "INV-" : "CN-") + issueDate.getYear();
        String number = NumberSeries.format(series, numbers.next(db, series));
        long id = Sql.nextId(db, "SAL_SEQUENCE", "invoice");
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (Draft d : lines) {
            net = net.add(d.net());
            tax = tax.add(d.tax());
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("NUMBER", number);
        row.put("KIND", kind);
        row.put("ORDER_ID", order == null ? null : order.id());
        row.put("ACCOUNT_ID", accountId);
        row.put("CURRENCY", currency);
        row.put("ISSUE_DATE", issueDate);
        row.put("DUE_DATE", dueDate);
        row.put("NET", net);
        row.put("TAX", tax);
        row.put("GROSS", net.add(tax));
        row.put("PAID", BigDecimal.ZERO);
        row.put("STATUS", InvoiceStatus.ISSUED);
        row.put("OVERDUE_NOTIFIED", false);
        row.put("CREDITED_INVOICE", credited);
        row.put("REASON", reason);
        row.put("CREATED_AT", Instant.now());
        row.put("CREATED_BY", actor);
        Sql.insert(db, "SAL_INVOICE", row);
        int n = 0;
        for (Draft d : lines) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("INVOICE_ID", id);
            line.put("LINE_NO", ++n);
            line.put("ORDER_LINE", d.orderLine());
            line.put("SKU", d.sku());
            line.put("DESCRIPTION", d.description());
            line.put("QUANTITY", d.quantity());
            line.put("UNIT_PRICE", d.unitPrice());
            line.put("DISCOUNT_PCT", d.discount());
            line.put("NET", d.net());
            line.put("TAX_CODE", d.taxCode());
            line.put("TAX", d.tax());
            line.put("GROSS", d.gross());
            Sql.insert(db, "SAL_INVOICE_LINE", line);
        }
        return require(db, id);
    }

    Optional<Invoice> invoice(Connection db, long id) {
        Object[] r = Sql.row(db, "SELECT " + INVOICE + " FROM SAL_INVOICE WHERE ID = ?", id);
        return r == null ? Optional.empty() : Optional.of(invoice(db, r, LocalDate.now()));
    }

    Optional<Invoice> byNumber(Connection db, String number) {
        Object[] r = Sql.row(db, "SELECT " + INVOICE + " FROM SAL_INVOICE WHERE NUMBER = ?", number);
        return r == null ? Optional.empty() : Optional.of(invoice(db, r, LocalDate.now()));
    }

    Invoice require(Connection db, long id) {
        return invoice(db, id).orElseThrow(() -> new TesseraException(SalesErrors.INVOICE_NOT_FOUND, "No invoice " + id));
    }

    List<Invoice> invoices(Connection db, Sql.Where where, String orderBy, int limit) {
        LocalDate today = LocalDate.now();
        return Sql.rows(db, limit, "SELECT " + INVOICE + " FROM SAL_INVOICE WHERE " + where.sql() + " ORDER BY "
                + orderBy, where.args()).stream().map(r -> invoice(db, r, today)).toList();
    }

    /** The invoice's lines as issued, for a credit note to refer to. */
    List<InvoiceLine> lines(Connection db, long invoiceId, Currency currency) {
        return Sql.rows(db, "SELECT " + INVOICE_LINE + " FROM SAL_INVOICE_LINE WHERE INVOICE_ID = ? ORDER BY LINE_NO",
                invoiceId).stream().map(l -> line(l, currency)).toList();
    }

    /** How much of each line of an invoice credit notes took back already, by line. */
    Map<Integer, BigDecimal[]> credited(Connection db, long invoiceId) {
        Map<Integer, BigDecimal[]> credited = new TreeMap<>();
        for (Object[] r : Sql.rows(db, "SELECT l.ORDER_LINE, l.QUANTITY, l.NET, l.TAX FROM SAL_INVOICE_LINE l JOIN"
                + " SAL_INVOICE c ON c.ID = l.INVOICE_ID WHERE c.CREDITED_INVOICE = ?", invoiceId)) {
            BigDecimal[] sums = credited.computeIfAbsent(Sql.intValue(r[0]), k -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(Sql.decimal(r[1]));
            sums[1] = sums[1].add(Sql.decimal(r[2]));
            sums[2] = sums[2].add(Sql.decimal(r[3]));
        }
        return credited;
    }

    /**
     * Applies an amount (a payment or a credit note) to an invoice, refusing more than is open; moves its status and
     * publishes {@code sales.invoice.partially-paid|paid|credited}.
     */
    Invoice settle(Connection db, Invoice invoice, BigDecimal amount, String actor,
                   InvoiceDetails.Settlement settlement) {
        if (Sql.execute(db, "UPDATE SAL_INVOICE SET PAID = PAID + ? WHERE ID = ? AND PAID + ? <= GROSS"
                + " AND STATUS IN ('ISSUED', 'PARTIALLY_PAID')", amount, invoice.id(), amount) != 1) {
            Invoice now = require(db, invoice.id());
            throw new TesseraException(SalesErrors.INVOICE_CLOSED, "Invoice " + invoice.number() + " has "
                    + now.open().toPlainString() + " " + now.currency() + " open (" + now.status().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + "); " + amount.toPlainString() + " cannot be applied");
        }
        Invoice after = require(db, invoice.id());
        InvoiceStatus status;
        if (after.open().signum() > 0) {
            status = InvoiceStatus.PARTIALLY_PAID;
        } else {
            BigDecimal credits = Sql.decimal(Sql.row(db, "SELECT COALESCE(SUM(GROSS), 0) FROM SAL_INVOICE"
                    + " WHERE CREDITED_INVOICE = ?", invoice.id())[0]);
            status = credits.compareTo(after.gross()) >= 0 ? InvoiceStatus.CREDITED : InvoiceStatus.PAID;
        }
        Sql.execute(db, "UPDATE SAL_INVOICE SET STATUS = ? WHERE ID = ?", status, invoice.id());
        after = require(db, invoice.id());
        EventType<InvoiceDetails> type = switch (status) {
            case PARTIALLY_PAID -> SalesEvents.INVOICE_PARTIALLY_PAID;
            case CREDITED -> SalesEvents.INVOICE_CREDITED;
            default -> SalesEvents.INVOICE_PAID;
        };
        events.publish(db, type.changed(Long.toString(after.id()), 2, actor, details(db, invoice, null),
                details(db, after, settlement)));
        return after;
    }

    // ================================================================ payments

    Payment insertPayment(Connection db, long accountId, BigDecimal amount, String currency, LocalDate receivedOn,
                          String reference, List<Allocation> allocations, String actor) {
        long id = Sql.nextId(db, "SAL_SEQUENCE", "payment");
        BigDecimal allocated = allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("ACCOUNT_ID", accountId);
        row.put("AMOUNT", amount);
        row.put("CURRENCY", currency);
        row.put("RECEIVED_ON", receivedOn);
        row.put("REFERENCE", reference);
        row.put("UNALLOCATED", amount.subtract(allocated));
        row.put("CREATED_AT", Instant.now());
        row.put("CREATED_BY", actor);
        Sql.insert(db, "SAL_PAYMENT", row);
        for (Allocation a : allocations) {
            Map<String, Object> allocation = new LinkedHashMap<>();
            allocation.put("PAYMENT_ID", id);
            allocation.put("INVOICE_ID", a.invoiceId());
            allocation.put("AMOUNT", a.amount());
            Sql.insert(db, "SAL_ALLOCATION", allocation);
        }
        return payment(db, id);
    }

    Payment payment(Connection db, long id) {
        Object[] r = Sql.row(db, "SELECT ID, ACCOUNT_ID, AMOUNT, CURRENCY, RECEIVED_ON, REFERENCE, UNALLOCATED"
                + " FROM SAL_PAYMENT WHERE ID = ?", id);
        Currency currency = Currency.getInstance(((String) r[3]).trim());
        List<Allocation> allocations = Sql.rows(db, "SELECT a.INVOICE_ID, i.NUMBER, a.AMOUNT FROM SAL_ALLOCATION a JOIN"
                + " SAL_INVOICE i ON i.ID = a.INVOICE_ID WHERE a.PAYMENT_ID = ? ORDER BY i.ID", id).stream()
                .map(a -> new Allocation(Sql.longValue(a[0]), (String) a[1], SalesStore.money(a[2], currency))).toList();
        return new Payment(Sql.longValue(r[0]), Sql.longValue(r[1]), SalesStore.money(r[2], currency),
                currency.getCurrencyCode(), Sql.date(r[4]), (String) r[5], allocations, SalesStore.money(r[6], currency));
    }

    List<Payment> payments(Connection db, long accountId) {
        return Sql.rows(db, "SELECT ID FROM SAL_PAYMENT WHERE ACCOUNT_ID = ? ORDER BY ID", accountId).stream()
                .map(r -> payment(db, Sql.longValue(r[0]))).toList();
    }

    /** The customer's open invoices in a currency, oldest due first: where an unassigned payment goes. */
    List<Invoice> openInvoices(Connection db, long accountId, String currency) {
        return invoices(db, new Sql.Where("ACCOUNT_ID = ? AND CURRENCY = ? AND KIND = 'INVOICE' AND STATUS IN ('ISSUED',"
                + " 'PARTIALLY_PAID')", accountId, currency), "DUE_DATE, ID", Integer.MAX_VALUE);
    }

    // ================================================================ aging and overdue

    Aging aging(Connection db, LocalDate asOf) {
        Map<String, BigDecimal[]> buckets = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Object[] r : Sql.rows(db, "SELECT i.ACCOUNT_ID, c.NAME, i.CURRENCY, i.DUE_DATE, i.GROSS - i.PAID"
                + " FROM SAL_INVOICE i LEFT JOIN SAL_CUSTOMER c ON c.ACCOUNT_ID = i.ACCOUNT_ID WHERE i.KIND = 'INVOICE'"
                + " AND i.STATUS IN ('ISSUED', 'PARTIALLY_PAID') AND i.ISSUE_DATE <= ?", asOf)) {
            String key = key(Sql.longValue(r[0]), ((String) r[2]).trim());
            names.put(key, (String) r[1]);
            long late = ChronoUnit.DAYS.between(Sql.date(r[3]), asOf);
            int bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
            BigDecimal[] sums = buckets.computeIfAbsent(key, k -> zeros());
            sums[bucket] = sums[bucket].add(Sql.decimal(r[4]));
        }
        for (Object[] r : Sql.rows(db, "SELECT p.ACCOUNT_ID, c.NAME, p.CURRENCY, SUM(p.UNALLOCATED) FROM SAL_PAYMENT p"
                + " LEFT JOIN SAL_CUSTOMER c ON c.ACCOUNT_ID = p.ACCOUNT_ID WHERE p.UNALLOCATED > 0 AND p.RECEIVED_ON <= ?"
                + " GROUP BY p.ACCOUNT_ID, c.NAME, p.CURRENCY", asOf)) {
            String key = key(Sql.longValue(r[0]), ((String) r[2]).trim());
            names.put(key, (String) r[1]);
            BigDecimal[] sums = buckets.computeIfAbsent(key, k -> zeros());
            sums[5] = sums[5].add(Sql.decimal(r[3]));
        }
        List<Aging.Row> rows = new ArrayList<>();
        buckets.forEach((key, s) -> {
            String[] parts = key.split(":");
            Currency currency = Currency.getInstance(parts[1]);
            BigDecimal total = s[0].add(s[1]).add(s[2]).add(s[3]).add(s[4]);
            rows.add(new Aging.Row(Long.parseLong(parts[0]), names.get(key), parts[1], m(s[0], currency),
                    m(s[1], currency), m(s[2], currency), m(s[3], currency), m(s[4], currency), m(total, currency),
                    m(s[5], currency)));
        });
        return new Aging(asOf, rows);
    }

    /** Invoices open after their due date and not yet reported: each gets {@code sales.invoice.overdue} once. */
    int markOverdue(Connection db, LocalDate today) {
        List<Invoice> due = invoices(db, new Sql.Where("KIND = 'INVOICE' AND STATUS IN ('ISSUED', 'PARTIALLY_PAID')"
                + " AND DUE_DATE < ? AND OVERDUE_NOTIFIED = FALSE", today), "ID", Integer.MAX_VALUE);
        for (Invoice invoice : due) {
            Sql.execute(db, "UPDATE SAL_INVOICE SET OVERDUE_NOTIFIED = TRUE WHERE ID = ?", invoice.id());
            InvoiceDetails d = details(db, invoice, null);
            InvoiceDetails overdue = new InvoiceDetails(d.id(), d.number(), d.kind(), d.accountId(), d.customer(),
                    d.orderNumber(), d.opportunityId(), d.currency(), d.date(), d.dueDate(), d.net(), d.tax(), d.gross(),
                    d.paid(), d.open(), "overdue", d.taxes(), d.creditedInvoiceId(), d.creditedInvoice(), d.reason(),
                    ChronoUnit.DAYS.between(invoice.dueDate(), today), null);
            events.publish(db, SalesEvents.INVOICE_OVERDUE.event(Long.toString(invoice.id()), 2, "system:erp-sales",
                    overdue, Map.of("overdue", new FieldChange(false, true))));
        }
        return due.size();
    }

    // ================================================================ mapping

    /** What the ledger books and the pipeline shows of an invoice. */
    InvoiceDetails details(Connection db, Invoice i, InvoiceDetails.Settlement settlement) {
        String orderNumber = null;
        Long opportunityId = null;
        if (i.orderId() != null) {
            SalesOrder order = sales.requireOrder(db, i.orderId());
            orderNumber = order.number();
            opportunityId = order.opportunityId();
        }
        Map<String, BigDecimal[]> taxes = new TreeMap<>();
        for (InvoiceLine l : i.lines()) {
            BigDecimal[] t = taxes.computeIfAbsent(l.taxCode() == null ? "" : l.taxCode(), k -> new BigDecimal[] {
                    BigDecimal.ZERO, BigDecimal.ZERO});
            t[0] = t[0].add(l.net());
            t[1] = t[1].add(l.tax());
        }
        List<InvoiceDetails.TaxShare> byCode = new ArrayList<>();
        taxes.forEach((code, t) -> byCode.add(new InvoiceDetails.TaxShare(code, t[0], t[1])));
        String credited = i.creditedInvoiceId() == null ? null : require(db, i.creditedInvoiceId()).number();
        return new InvoiceDetails(i.id(), i.number(), i.kind(), i.accountId(), i.customerName(), orderNumber,
                opportunityId, i.currency(), i.issueDate(), i.dueDate(), i.net(), i.tax(), i.gross(), i.paid(), i.open(),
                i.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), byCode, i.creditedInvoiceId(), credited,
                i.reason(), null, settlement);
    }

    private Invoice invoice(Connection db, Object[] r, LocalDate today) {
        long id = Sql.longValue(r[0]);
        Currency currency = Currency.getInstance(((String) r[5]).trim());
        Long orderId = Sql.longOrNull(r[3]);
        String orderNumber = orderId == null ? null : (String) Sql.row(db, "SELECT NUMBER FROM SAL_ORDER WHERE ID = ?",
                orderId)[0];
        long account = Sql.longValue(r[4]);
        Object[] name = Sql.row(db, "SELECT NAME FROM SAL_CUSTOMER WHERE ACCOUNT_ID = ?", account);
        BigDecimal gross = SalesStore.money(r[10], currency);
        BigDecimal paid = SalesStore.money(r[11], currency);
        InvoiceStatus status = InvoiceStatus.valueOf(((String) r[12]).trim());
        LocalDate due = Sql.date(r[7]);
        InvoiceKind kind = InvoiceKind.valueOf(((String) r[2]).trim());
        boolean open = status == InvoiceStatus.ISSUED || status == InvoiceStatus.PARTIALLY_PAID;
        return new Invoice(id, (String) r[1], kind, orderId, orderNumber, account, name == null ? null : (String) name[0],
                currency.getCurrencyCode(), Sql.date(r[6]), due, lines(db, id, currency), SalesStore.money(r[8], currency),
                SalesStore.money(r[9], currency), gross, paid, kind == InvoiceKind.INVOICE ? gross.subtract(paid)
                : BigDecimal.ZERO.setScale(gross.scale()), status, kind == InvoiceKind.INVOICE && open
                && due.isBefore(today), Sql.longOrNull(r[13]), (String) r[14]);
    }

    private static InvoiceLine line(Object[] r, Currency currency) {
        return new InvoiceLine(Sql.intValue(r[0]), r[1] == null ? null : Sql.intValue(r[1]), (String) r[2],
                (String) r[3], Sql.decimal(r[4]), Sql.decimal(r[5]), Sql.decimal(r[6]), SalesStore.money(r[7], currency),
                (String) r[8], SalesStore.money(r[9], currency), SalesStore.money(r[10], currency));
    }

    private static String key(long account, String currency) {
        return String.format("%019d", account) + ":" + currency;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] sums = new BigDecimal[6];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        return sums;
    }

    private static BigDecimal m(BigDecimal value, Currency currency) {
        return value.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
    }
}
