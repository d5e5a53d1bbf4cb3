package dev.tessera.erp.sales.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.ledger.api.TaxableLine;
import dev.tessera.erp.ledger.api.TaxedLine;
import dev.tessera.erp.sales.api.Aging;
import dev.tessera.erp.sales.api.Allocation;
import dev.tessera.erp.sales.api.Billing;
import dev.tessera.erp.sales.api.CreditLine;
import dev.tessera.erp.sales.api.CustomerBilling;
import dev.tessera.erp.sales.api.Invoice;
import dev.tessera.erp.sales.api.InvoiceKind;
import dev.tessera.erp.sales.api.InvoiceLine;
import dev.tessera.erp.sales.api.InvoiceStatus;
import dev.tessera.erp.sales.api.NewPayment;
import dev.tessera.erp.sales.api.OrderLine;
import dev.tessera.erp.sales.api.OrderStatus;
import dev.tessera.erp.sales.api.Payment;
import dev.tessera.erp.sales.api.SalesErrors;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.erp.sales.api.event.ContractDelivered;
import dev.tessera.erp.sales.api.event.InvoiceDetails;
import dev.tessera.erp.sales.api.event.PaymentDetails;
import dev.tessera.erp.sales.api.event.SalesEvents;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ModuleManager;
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
 * Invoices, credit notes, payments and aging. An invoice covers what was shipped (stock lines) or ordered (services)
 * and is not invoiced yet, with a gap-free number taken in its own transaction; issued invoices never change. Tax
 * comes from the lines the ledger's engine taxed for the quote or the order, or from the engine now for an order
 * entered while it was away.
 */
@Component(service = Billing.class, configurationPid = OrdersImpl.PID)
public final class BillingImpl implements Billing {
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    private final Transactions transactions;
    private final ModuleManager modules;
    private final SalesStore store;
    private final BillingStore billing;
    private final CustomersImpl customers;
    private final EventPublisher events;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TaxService taxes;

    @Activate
    public BillingImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                       @Reference NumberSeries numbers, @Reference CustomersImpl customers,
                       @Reference(target = "(tessera.module=erp-sales)") ModuleSchema schema, SalesConfig config,
                       @Reference ModuleManager modules) {
        this.modules = modules;
        this.transactions = transactions;
        this.events = events;
        this.customers = customers;
        this.store = new SalesStore(events, numbers, Settings.of(config));
        this.billing = new BillingStore(store, numbers, events);
    }

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
        TaxService engine = Neighbours.optional(taxes, "erp-ledger", modules);
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
            CustomerBilling customer = customers.require(db, order.accountId(), "accountId");
            Invoice invoice = billing.insert(db, InvoiceKind.INVOICE, order, order.accountId(), order.currency(),
                    issued, issued.plusDays(customer.paymentTermsDays()), drafts, null, null, actor);
            for (int i = 0; i < toInvoice.size(); i++) {
                Sql.execute(db, "UPDATE SAL_ORDER_LINE SET INVOICED = INVOICED + ? WHERE ORDER_ID = ? AND LINE_NO = ?",
                        quantities.get(i), orderId, toInvoice.get(i).line());
            }
            events.publish(db, SalesEvents.INVOICE_ISSUED.created(Long.toString(invoice.id()), actor,
                    billing.details(db, invoice, null)));
            for (OrderLine l : toInvoice) {
                if (l.contractMonths() != null && l.invoiced().signum() == 0) {
                    contractDelivered(db, order, l, issued, actor);
                }
            }
            SalesOrder after = store.requireOrder(db, orderId);
            if (after.lines().stream().allMatch(l -> l.invoiced().compareTo(l.quantity()) >= 0)) {
                store.changeStatus(db, after, OrderStatus.INVOICED, null, SalesEvents.ORDER_INVOICED, actor);
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
        events.publish(db, SalesEvents.CONTRACT_DELIVERED.created(order.id() + "/" + line.line(), actor,
                new ContractDelivered(order.number(), line.line(), order.accountId(), order.opportunityId(), line.sku(),
                        line.description(), start, start.plusMonths(line.contractMonths()), line.net(),
                        order.currency())));
    }

    @Override
    public Invoice creditNote(long invoiceId, List<CreditLine> lines, String reason, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String why = Changes.text(reason, "reason", 500, true, errors);
        ValidationException.throwIfAny(SalesErrors.INVALID, "The credit note", errors);
        return transactions.required(db -> {
            Object[] account = Sql.row(db, "SELECT ACCOUNT_ID FROM SAL_INVOICE WHERE ID = ?", invoiceId);
            if (account != null) {
                store.lockCustomer(db, Sql.longValue(account[0])); // the customer first, as every sales operation
            }
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
            events.publish(db, SalesEvents.CREDIT_NOTE_ISSUED.created(Long.toString(note.id()), actor,
                    billing.details(db, note, null)));
            billing.settle(db, invoice, gross, actor, new InvoiceDetails.Settlement(null, note.number(), gross, today));
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
            CustomerBilling customer = customers.require(db, in.accountId(), "accountId");
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
                billing.settle(db, invoice, a.amount(), actor, new InvoiceDetails.Settlement(payment.id(), null,
                        a.amount(), receivedOn));
                orderPaidIfSettled(db, invoice.orderId(), actor);
            }
            events.publish(db, SalesEvents.PAYMENT_RECEIVED.created(Long.toString(payment.id()), actor,
                    new PaymentDetails(payment.id(), payment.accountId(), payment.amount(), payment.currency(),
                            receivedOn, reference, payment.amount().subtract(payment.unallocated()),
                            payment.unallocated(), allocations.stream().map(Allocation::invoiceNumber).toList())));
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
            store.changeStatus(db, order, OrderStatus.PAID, null, SalesEvents.ORDER_PAID, actor);
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

}
