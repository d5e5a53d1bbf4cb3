package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.purchasing.api.AgingLine;
import dev.tessera.erp.purchasing.api.BillStatus;
import dev.tessera.erp.purchasing.api.NewPaymentAllocation;
import dev.tessera.erp.purchasing.api.NewVendorPayment;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.VendorBill;
import dev.tessera.erp.purchasing.api.VendorPayment;
import dev.tessera.erp.purchasing.api.VendorPayments;
import dev.tessera.erp.purchasing.api.event.PaymentDetails;
import dev.tessera.erp.purchasing.api.event.PurchasingEvents;
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
 * Payments to vendors. A payment locks the bills it pays in id order (so two payments at once wait for each other
 * and never pay a bill beyond what it owes), checks each against the vendor, its status, currency and what it owes,
 * and writes the payment, the bills' paid amounts and the event in one transaction.
 */
@Component(service = {VendorPayments.class, PaymentsImpl.class})
public final class PaymentsImpl implements VendorPayments {
    private final Transactions transactions;
    private final EventPublisher events;
    private final NumberSeries numbers;
    private final VendorsImpl vendors;

    @Activate
    public PaymentsImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                        @Reference NumberSeries numbers, @Reference VendorsImpl vendors,
                        @Reference(target = "(tessera.module=erp-purchasing)") ModuleSchema schema) {
        this.transactions = transactions;
        this.events = events;
        this.numbers = numbers;
        this.vendors = vendors;
    }

    @Override
    public Optional<VendorPayment> payment(long id) {
        return transactions.required(db -> PaymentStore.payment(db, id));
    }

    @Override
    public List<VendorPayment> payments(Long vendorId, long afterId, int limit) {
        return transactions.required(db -> PaymentStore.payments(db, new Sql.Where("p.ID > ?", afterId)
                .and("p.VENDOR_ID", vendorId), limit));
    }

    /** A checked allocation: the bill and how much of it is paid. */
    private record Planned(VendorBill bill, BigDecimal amount) {
    }

    @Override
    public VendorPayment pay(NewVendorPayment in, String actor) {
        if (in == null) {
            throw new ValidationException(PurchasingErrors.INVALID, "The payment is required", List.of(
                    new FieldError("vendorCode", "is required (or vendorId)"), new FieldError("bills", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.vendorId() == null && (in.vendorCode() == null || in.vendorCode().isBlank())) {
            errors.add(new FieldError("vendorCode", "is required (or vendorId): the vendor paid"));
        }
        Currency currency = in.currency() == null ? null : Checks.currency(in.currency(), "currency", errors);
        if (in.amount() != null) {
            Checks.price(in.amount(), "amount", errors);
        }
        String reference = Changes.text(in.reference(), "reference", 100, false, errors);
        if (in.bills() == null || in.bills().isEmpty()) {
            errors.add(new FieldError("bills", "is required: at least one {billNumber, amount} to pay"));
        } else {
            for (int i = 0; i < in.bills().size(); i++) {
                NewPaymentAllocation a = in.bills().get(i);
                String at = "bills[" + i + "].";
                if (a == null) {
                    errors.add(new FieldError("bills[" + i + "]", "is required"));
                } else {
                    if (a.billId() == null && (a.billNumber() == null || a.billNumber().isBlank())) {
                        errors.add(new FieldError(at + "billNumber", "is required (or billId)"));
                    }
                    Checks.price(a.amount(), at + "amount", errors);
                }
            }
        }
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The payment", errors);
        LocalDate date = in.date() == null ? LocalDate.now() : in.date();
        return transactions.required(db -> {
            Vendor vendor = vendors.require(db, in.vendorId(), in.vendorCode());
            String paidIn = currency == null ? vendor.currency() : currency.getCurrencyCode();
            List<Planned> plan = plan(db, vendor, paidIn, in.bills());
            BigDecimal total = plan.stream().map(Planned::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (in.amount() != null && in.amount().compareTo(total) != 0) {
                throw new ValidationException(PurchasingErrors.INVALID, "The payment's amount is not what its bills"
                        + " take", List.of(new FieldError("amount", "is " + Checks.plain(in.amount()) + " but the"
                        + " bills take " + Checks.plain(total) + "; give each bill's amount so that they add up")));
            }
            long id = Sql.nextId(db, "PUR_SEQUENCE", "payment");
            String series = "VP-" + date.getYear();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ID", id);
            row.put("NUMBER", NumberSeries.format(series, numbers.next(db, series)));
            row.put("VENDOR_ID", vendor.id());
            row.put("PAID_ON", date);
            row.put("CURRENCY", paidIn);
            row.put("AMOUNT", total);
            row.put("REFERENCE", reference);
            row.put("CREATED_AT", Instant.now());
            row.put("CREATED_BY", actor);
            Sql.insert(db, "PUR_PAYMENT", row);
            List<PaymentDetails.Paid> paid = new ArrayList<>();
            for (Planned p : plan) {
                Sql.execute(db, "INSERT INTO PUR_PAYMENT_BILL (PAYMENT_ID, BILL_ID, AMOUNT) VALUES (?, ?, ?)", id,
                        p.bill().id(), p.amount());
                BigDecimal open = p.bill().open().subtract(p.amount());
                BillStatus status = open.signum() == 0 ? BillStatus.PAID : BillStatus.PARTIALLY_PAID;
                Map<String, Object> set = new LinkedHashMap<>();
                set.put("PAID", p.bill().paid().add(p.amount()));
                set.put("STATUS", status);
                BillStore.update(db, p.bill(), set);
                paid.add(new PaymentDetails.Paid(p.bill().id(), p.bill().number(), p.amount(), open, status));
            }
            VendorPayment payment = PaymentStore.payment(db, id).orElseThrow();
            events.publish(db, PurchasingEvents.PAYMENT_MADE.created(Long.toString(id), actor, new PaymentDetails(
                    id, payment.number(), vendor.id(), vendor.code(), vendor.name(), date, paidIn, payment.amount(),
                    reference, paid)));
            return payment;
        });
    }

    /** Locks the bills in id order and checks each: the vendor's, posted, in the payment's currency, owing enough. */
    private static List<Planned> plan(Connection db, Vendor vendor, String currency, List<NewPaymentAllocation> in) {
        List<FieldError> errors = new ArrayList<>();
        Map<Integer, Long> ids = new LinkedHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            NewPaymentAllocation a = in.get(i);
            Long id = a.billId();
            if (id == null) {
                id = BillStore.billByNumber(db, a.billNumber()).map(VendorBill::id).orElse(null);
                if (id == null) {
                    errors.add(new FieldError("bills[" + i + "].billNumber", "'" + a.billNumber() + "' is not a"
                            + " vendor bill (purchasing:bills --vendor " + vendor.code() + ")"));
                    continue;
                }
            }
            if (ids.containsValue(id)) {
                errors.add(new FieldError("bills[" + i + "]", "names a bill an earlier line of the payment pays"));
                continue;
            }
            ids.put(i, id);
        }
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The payment", errors);
        Map<Long, VendorBill> locked = new LinkedHashMap<>();
        for (long id : ids.values().stream().sorted().toList()) {
            if (Sql.execute(db, "UPDATE PUR_BILL SET VERSION = VERSION WHERE ID = ?", id) == 0) {
                throw BillStore.notFound(Long.toString(id));
            }
            locked.put(id, BillStore.require(db, id));
        }
        boolean over = false;
        boolean mismatch = false;
        boolean state = false;
        List<Planned> plan = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : ids.entrySet()) {
            String at = "bills[" + e.getKey() + "]";
            VendorBill bill = locked.get(e.getValue());
            NewPaymentAllocation a = in.get(e.getKey());
            if (bill.vendorId() != vendor.id()) {
                errors.add(new FieldError(at, "bill " + bill.number() + " is vendor " + bill.vendorCode() + "'s, not "
                        + vendor.code() + "'s"));
                continue;
            }
            if (bill.status() != BillStatus.OPEN && bill.status() != BillStatus.PARTIALLY_PAID) {
                state = true;
                errors.add(new FieldError(at, "bill " + bill.number() + " is " + bill.status().name()
                        .toLowerCase(Locale.ROOT).replace('_', ' ') + (bill.status() == BillStatus.HELD
                        ? ": a purchasing-approver must release it before it is paid" : ": it owes nothing")));
                continue;
            }
            if (!bill.currency().equals(currency)) {
                mismatch = true;
                errors.add(new FieldError(at, "bill " + bill.number() + " is in " + bill.currency() + " and the"
                        + " payment in " + currency + "; pay it in " + bill.currency()));
                continue;
            }
            BigDecimal amount = a.amount() == null ? bill.open() : a.amount();
            if (amount.compareTo(bill.open()) > 0) {
                over = true;
                errors.add(new FieldError(at + ".amount", "is " + Checks.plain(amount) + " but bill "
                        + bill.number() + " owes " + Checks.plain(bill.open())));
                continue;
            }
            if (amount.stripTrailingZeros().scale() > Math.max(0, Currency.getInstance(currency)
                    .getDefaultFractionDigits())) {
                errors.add(new FieldError(at + ".amount", "has more decimals than " + currency + " has"));
                continue;
            }
            plan.add(new Planned(bill, amount));
        }
        if (state && !over && !mismatch) {
            // a bill that is held, paid or cancelled is a conflict with its state, not a wrong field
            throw new TesseraException(PurchasingErrors.BILL_STATE, "The payment cannot be made: " + String.join("; ",
                    errors.stream().map(FieldError::message).toList()));
        }
        ValidationException.throwIfAny(over ? PurchasingErrors.OVERPAYMENT : mismatch
                ? PurchasingErrors.CURRENCY_MISMATCH : PurchasingErrors.INVALID, "The payment", errors);
        return plan;
    }

    @Override
    public List<AgingLine> aging(LocalDate asOf) {
        if (asOf == null) {
            throw new ValidationException(PurchasingErrors.INVALID, "The day is required", List.of(
                    new FieldError("asOf", "is required (YYYY-MM-DD)")));
        }
        return transactions.required(db -> {
            List<Aging.Item> items = new ArrayList<>();
            for (Object[] r : Sql.rows(db, "SELECT b.VENDOR_ID, v.CODE, v.NAME, b.CURRENCY, b.DUE_DATE, b.GROSS -"
                    + " COALESCE((SELECT SUM(a.AMOUNT) FROM PUR_PAYMENT_BILL a JOIN PUR_PAYMENT p"
                    + " ON p.ID = a.PAYMENT_ID WHERE a.BILL_ID = b.ID AND p.PAID_ON <= ?), 0)"
                    + " FROM PUR_BILL b JOIN PUR_VENDOR v ON v.ID = b.VENDOR_ID"
                    + " WHERE b.STATUS IN ('OPEN', 'PARTIALLY_PAID', 'PAID') AND b.BILL_DATE <= ?", asOf, asOf)) {
                Currency currency = Currency.getInstance(Sql.text(r[3]));
                items.add(new Aging.Item(Sql.longValue(r[0]), Sql.text(r[1]), (String) r[2],
                        currency.getCurrencyCode(), Sql.date(r[4]), Checks.money(r[5], currency)));
            }
            return Aging.lines(asOf, items);
        });
    }
}
