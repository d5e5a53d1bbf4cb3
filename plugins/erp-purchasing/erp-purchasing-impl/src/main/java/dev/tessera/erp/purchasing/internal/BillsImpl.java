package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
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

import dev.tessera.erp.inventory.api.Revaluation;
import dev.tessera.erp.inventory.api.Revalued;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.ledger.api.TaxableLine;
import dev.tessera.erp.ledger.api.TaxedLine;
import dev.tessera.erp.purchasing.api.BillStatus;
import dev.tessera.erp.purchasing.api.NewBillLine;
import dev.tessera.erp.purchasing.api.NewVendorBill;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.VendorBill;
import dev.tessera.erp.purchasing.api.VendorBillLine;
import dev.tessera.erp.purchasing.api.VendorBills;
import dev.tessera.erp.purchasing.api.event.BillDetails;
import dev.tessera.erp.purchasing.api.event.PurchasingEvents;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.EventType;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Neighbours;
import dev.tessera.platform.support.Sql;

/**
 * Vendor bills: matched line by line against the order and its receipts ({@link BillMatch}), posted at once when
 * every line matches, held with the reasons when one does not. Entering, releasing and cancelling a bill lock its
 * order first, as receipts do, so bills and receipts of one order run one after another and no received quantity is
 * billed twice. Posting a stock line clears goods received not invoiced at the order's price and hands the price
 * difference to the inventory, which takes into the stock still on hand what belongs to it; the rest is purchase
 * price variance.
 */
@Component(service = {VendorBills.class, BillsImpl.class})
public final class BillsImpl implements VendorBills {
    static final Set<PurchaseOrderStatus> BILLABLE = EnumSet.of(PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.SENT,
            PurchaseOrderStatus.PARTIALLY_RECEIVED, PurchaseOrderStatus.RECEIVED, PurchaseOrderStatus.BILLED,
            PurchaseOrderStatus.CLOSED);

    private final Transactions transactions;
    private final EventPublisher events;
    private final NumberSeries numbers;
    private final ModuleManager modules;
    private final BillMatch match;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile StockService stock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TaxService taxes;

    @Activate
    public BillsImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                     @Reference NumberSeries numbers, @Reference VendorsImpl vendors,
                     @Reference(target = "(tessera.module=erp-purchasing)") ModuleSchema schema,
                     @Reference ModuleManager modules) {
        this.transactions = transactions;
        this.events = events;
        this.numbers = numbers;
        this.modules = modules;
        this.match = new BillMatch(vendors.settings().billPriceTolerancePercent());
    }

    @Override
    public Optional<VendorBill> bill(long id) {
        return transactions.required(db -> BillStore.bill(db, id));
    }

    @Override
    public Optional<VendorBill> billByNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return transactions.required(db -> BillStore.billByNumber(db, number));
    }

    @Override
    public List<VendorBill> bills(BillStatus status, Long vendorId, long afterId, int limit) {
        Sql.Where where = new Sql.Where("b.ID > ?", afterId).and("b.STATUS", status).and("b.VENDOR_ID", vendorId);
        return transactions.required(db -> BillStore.bills(db, where, "b.ID", limit));
    }

    @Override
    public List<VendorBill> openItems(Long vendorId) {
        Sql.Where where = new Sql.Where("b.STATUS IN ('OPEN', 'PARTIALLY_PAID')").and("b.VENDOR_ID", vendorId);
        return transactions.required(db -> BillStore.bills(db, where, "b.DUE_DATE, b.ID", Integer.MAX_VALUE));
    }

    // ================================================================ entering

    @Override
    public VendorBill enter(NewVendorBill in, String actor) {
        if (in == null) {
            throw new ValidationException(PurchasingErrors.INVALID, "The bill is required", List.of(
                    new FieldError("orderNumber", "is required (or orderId)"),
                    new FieldError("vendorReference", "is required"), new FieldError("lines", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.orderId() == null && (in.orderNumber() == null || in.orderNumber().isBlank())) {
            errors.add(new FieldError("orderNumber", "is required (or orderId): the purchase order the bill is for"));
        }
        String reference = Changes.text(in.vendorReference(), "vendorReference", 50, true, errors);
        String note = Changes.text(in.note(), "note", 1000, false, errors);
        LocalDate billDate = in.billDate() == null ? LocalDate.now() : in.billDate();
        if (in.dueDate() != null && in.dueDate().isBefore(billDate)) {
            errors.add(new FieldError("dueDate", "must be on or after the bill date " + billDate));
        }
        if (in.lines() == null || in.lines().isEmpty()) {
            errors.add(new FieldError("lines", "is required: at least one {line, quantity}"));
        } else {
            for (int i = 0; i < in.lines().size(); i++) {
                NewBillLine l = in.lines().get(i);
                String at = "lines[" + i + "].";
                if (l == null) {
                    errors.add(new FieldError("lines[" + i + "]", "is required"));
                    continue;
                }
                if (l.line() == null) {
                    errors.add(new FieldError(at + "line", "is required: the number of the order line it bills"));
                }
                Checks.quantity(l.quantity(), at + "quantity", errors);
                Checks.price(l.unitPrice(), at + "unitPrice", errors);
                Changes.text(l.taxCode(), at + "taxCode", 20, false, errors);
            }
        }
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The bill", errors);
        TaxService tax = Neighbours.optional(taxes, "erp-ledger", modules);
        return transactions.required(db -> {
            PurchaseOrder order = lockOrder(db, in.orderId(), in.orderNumber());
            Transitions.require(order, BILLABLE, "billed");
            Vendor vendor = VendorStore.requireVendor(db, order.vendorId());
            if (BillStore.referenceTaken(db, vendor.id(), reference)) {
                throw new TesseraException(PurchasingErrors.DUPLICATE_BILL, "Vendor " + vendor.code() + "'s bill "
                        + reference + " was entered before (purchasing:bills --vendor " + vendor.code() + ")");
            }
            List<VendorBillLine> lines = lines(order, in.lines(), tax);
            boolean taxed = lines.stream().anyMatch(l -> l.taxCode() != null);
            String skipped = taxed && tax == null ? "Tax not calculated: the ledger is not enabled" : null;
            Currency currency = Currency.getInstance(order.currency());
            BigDecimal net = Checks.money(BigDecimal.ZERO, currency);
            BigDecimal taxTotal = net;
            for (VendorBillLine l : lines) {
                net = net.add(l.net());
                taxTotal = taxTotal.add(l.tax());
            }
            boolean matched = lines.stream().allMatch(VendorBillLine::matched);
            long id = Sql.nextId(db, "PUR_SEQUENCE", "bill");
            String series = "BILL-" + billDate.getYear();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("ID", id);
            header.put("NUMBER", NumberSeries.format(series, numbers.next(db, series)));
            header.put("VENDOR_ID", vendor.id());
            header.put("VENDOR_REFERENCE", reference);
            header.put("ORDER_ID", order.id());
            header.put("STATUS", matched ? BillStatus.OPEN : BillStatus.HELD);
            header.put("CURRENCY", order.currency());
            header.put("BILL_DATE", billDate);
            header.put("DUE_DATE", in.dueDate() != null ? in.dueDate() : billDate.plusDays(vendor.paymentTermsDays()));
            header.put("NET", net);
            header.put("TAX", taxTotal);
            header.put("GROSS", net.add(taxTotal));
            header.put("PAID", BigDecimal.ZERO);
            header.put("TAX_CALCULATED", taxed && tax != null);
            header.put("NOTE", note == null ? skipped : skipped == null ? note : note + "; " + skipped);
            header.put("CREATED_AT", Instant.now());
            header.put("CREATED_BY", actor);
            header.put("VERSION", 1L);
            BillStore.insert(db, header, lines);
            VendorBill entered = BillStore.require(db, id);
            if (!matched) {
                events.publish(db, PurchasingEvents.BILL_HELD.created(Long.toString(id), actor,
                        BillStore.details(entered)));
                return entered;
            }
            return post(db, entered, order, null, actor, true);
        });
    }

    private static PurchaseOrder lockOrder(Connection db, Long id, String number) {
        if (id != null) {
            return OrderStore.lock(db, id);
        }
        PurchaseOrder found = OrderStore.orderByNumber(db, number).orElseThrow(() -> new TesseraException(
                PurchasingErrors.ORDER_NOT_FOUND, "No purchase order " + number + " (purchasing:orders lists them)"));
        return OrderStore.lock(db, found.id());
    }

    /** Matches, prices and taxes the lines; every wrong line is reported at once. */
    private List<VendorBillLine> lines(PurchaseOrder order, List<NewBillLine> input, TaxService tax) {
        List<FieldError> errors = new ArrayList<>();
        Currency currency = Currency.getInstance(order.currency());
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        Map<Integer, BigDecimal> earlier = new HashMap<>();
        List<VendorBillLine> lines = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            NewBillLine in = input.get(i);
            String at = "lines[" + i + "].";
            if (in.line() < 1 || in.line() > order.lines().size()) {
                errors.add(new FieldError(at + "line", "must be a line of order " + order.number() + ", 1 to "
                        + order.lines().size()));
                continue;
            }
            PurchaseOrderLine ol = order.lines().get(in.line() - 1);
            String taxCode = in.taxCode() == null || in.taxCode().isBlank() ? ol.taxCode() : in.taxCode().trim();
            if (taxCode != null && tax != null) {
                Optional<TaxCode> code = tax.taxCode(taxCode);
                if (code.isEmpty() || !code.get().active()) {
                    errors.add(new FieldError(at + "taxCode", "'" + taxCode + "' is not an active tax code of the"
                            + " ledger"));
                    continue;
                }
            }
            BigDecimal price = in.unitPrice() != null ? in.unitPrice() : ol.unitPrice();
            BillMatch.Result result = match.match(ol, earlier.getOrDefault(ol.line(), BigDecimal.ZERO), in.quantity(),
                    price);
            earlier.merge(ol.line(), in.quantity(), BigDecimal::add);
            BigDecimal net = in.quantity().multiply(price).setScale(digits, RoundingMode.HALF_UP);
            BigDecimal zero = BigDecimal.ZERO.setScale(digits);
            lines.add(new VendorBillLine(i + 1, ol.line(), ol.sku(), ol.description(), in.quantity(), price,
                    ol.unitPrice(), net, taxCode, zero, net, result.quantityMatched(), result.priceMatched(),
                    result.reason(), null, null, null));
        }
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The bill", errors);
        return tax == null ? lines : taxed(currency, lines, tax);
    }

    private static List<VendorBillLine> taxed(Currency currency, List<VendorBillLine> lines, TaxService tax) {
        List<Integer> taxed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).taxCode() != null) {
                taxed.add(i);
            }
        }
        if (taxed.isEmpty()) {
            return lines;
        }
        TaxCalculation calculation = tax.calculate(currency.getCurrencyCode(), taxed.stream()
                .map(i -> new TaxableLine(lines.get(i).net(), lines.get(i).taxCode())).toList());
        List<VendorBillLine> result = new ArrayList<>(lines);
        for (int k = 0; k < taxed.size(); k++) {
            VendorBillLine l = lines.get(taxed.get(k));
            TaxedLine t = calculation.lines().get(k);
            result.set(taxed.get(k), new VendorBillLine(l.line(), l.orderLine(), l.sku(), l.description(),
                    l.quantity(), l.unitPrice(), l.orderPrice(), t.net(), l.taxCode(), t.tax(), t.gross(),
                    l.quantityMatched(), l.priceMatched(), l.holdReason(), null, null, null));
        }
        return result;
    }

    // ================================================================ releasing and cancelling

    @Override
    public VendorBill release(long id, String note, String actor, Set<String> actorRoles) {
        List<FieldError> errors = new ArrayList<>();
        String why = Changes.text(note, "note", 1000, true, errors);
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The release needs a note saying why the bill is"
                + " accepted as it is", errors);
        Set<String> roles = actorRoles == null ? Set.of() : actorRoles;
        return transactions.required(db -> {
            VendorBill held = BillStore.require(db, id);
            PurchaseOrder order = OrderStore.lock(db, held.orderId());
            VendorBill bill = BillStore.lock(db, id);
            requireStatus(bill, BillStatus.HELD, "released");
            if (!roles.contains(Roles.PURCHASING_APPROVER) && !roles.contains(Roles.ADMIN)) {
                throw new TesseraException(PurchasingErrors.RELEASE_APPROVER_REQUIRED, "Releasing held bill "
                        + bill.number() + " needs role " + Roles.PURCHASING_APPROVER + " or " + Roles.ADMIN);
            }
            if (actor.equals(bill.createdBy())) {
                throw new TesseraException(PurchasingErrors.OWN_RELEASE, actor + " entered held bill "
                        + bill.number() + "; another " + Roles.PURCHASING_APPROVER + " must release it");
            }
            return post(db, bill, order, why, actor, false);
        });
    }

    @Override
    public VendorBill cancel(long id, String reason, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String why = Changes.text(reason, "reason", 500, false, errors);
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The cancellation", errors);
        return transactions.required(db -> {
            VendorBill bill = BillStore.lock(db, id);
            requireStatus(bill, BillStatus.HELD, "cancelled");
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("STATUS", BillStatus.CANCELLED);
            set.put("NOTE", why == null ? "Cancelled" : "Cancelled: " + why);
            return publish(db, bill, set, PurchasingEvents.BILL_CANCELLED, actor);
        });
    }

    static void requireStatus(VendorBill bill, BillStatus status, String doing) {
        if (bill.status() != status) {
            throw new TesseraException(PurchasingErrors.BILL_STATE, "Bill " + bill.number() + " is "
                    + bill.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "; only a "
                    + status.name().toLowerCase(java.util.Locale.ROOT) + " bill can be " + doing);
        }
    }

    // ================================================================ posting

    /**
     * Posts the bill: each stock line clears its quantity of goods received not invoiced at the order's price and
     * takes its receipts' unbilled quantities, oldest first; its price difference goes, receipt by receipt, to the
     * inventory's revaluation, and what the inventory did not take is variance. The order counts what was billed,
     * and is billed once everything it received is.
     */
    private VendorBill post(Connection db, VendorBill bill, PurchaseOrder order, String releaseNote, String actor,
                            boolean entered) {
        Currency currency = Currency.getInstance(bill.currency());
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        StockService inventory = null;
        for (VendorBillLine l : bill.lines()) {
            PurchaseOrderLine ol = order.lines().get(l.orderLine() - 1);
            if (!l.stocked()) {
                BillStore.posted(db, bill.id(), l.line(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
                OrderStore.addBilled(db, order.id(), ol.line(), l.quantity());
                continue;
            }
            BigDecimal receivedValue = l.quantity().multiply(ol.unitPrice()).setScale(digits, RoundingMode.HALF_UP);
            BigDecimal difference = l.net().subtract(receivedValue);
            List<ReceiptStore.Unbilled> taken = ReceiptStore.takeUnbilled(db, order.id(), ol.line(), l.quantity());
            BigDecimal revaluation = BigDecimal.ZERO.setScale(digits);
            if (difference.signum() != 0) {
                if (inventory == null) {
                    inventory = Neighbours.optional(stock, "erp-inventory", modules);
                    if (inventory == null) {
                        throw new TesseraException(PurchasingErrors.INVENTORY_UNAVAILABLE, "Bill " + bill.number()
                                + " prices " + ol.sku() + " differently from order " + order.number() + ": the"
                                + " difference goes partly to the stock on hand, which needs the inventory; enable"
                                + " erp-inventory to post it");
                    }
                }
                for (ReceiptStore.Unbilled u : taken) {
                    if (u.stockMoveId() == null) {
                        continue;
                    }
                    BigDecimal share = difference.multiply(u.quantity())
                            .divide(l.quantity(), digits, RoundingMode.HALF_UP);
                    if (share.signum() == 0) {
                        continue;
                    }
                    Revalued done = inventory.revalue(new Revaluation(u.stockMoveId(), u.quantity(), share,
                            bill.number() + ":" + l.line()), actor);
                    revaluation = revaluation.add(done.stockValue().setScale(digits, RoundingMode.HALF_UP));
                }
            }
            BillStore.posted(db, bill.id(), l.line(), receivedValue, revaluation, difference.subtract(revaluation));
            OrderStore.addBilled(db, order.id(), ol.line(), l.quantity());
        }
        VendorBill posted;
        if (entered) {
            posted = BillStore.require(db, bill.id());
            events.publish(db, PurchasingEvents.BILL_POSTED.created(Long.toString(posted.id()), actor,
                    BillStore.details(posted)));
        } else {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("STATUS", BillStatus.OPEN);
            set.put("RELEASED_BY", actor);
            set.put("RELEASED_AT", Instant.now());
            set.put("RELEASE_NOTE", releaseNote);
            posted = publish(db, bill, set, PurchasingEvents.BILL_POSTED, actor);
        }
        PurchaseOrder after = OrderStore.require(db, order.id());
        if (after.status() == PurchaseOrderStatus.RECEIVED
                && after.lines().stream().allMatch(x -> x.billed().compareTo(x.received()) >= 0)) {
            Map<String, Object> billed = new LinkedHashMap<>();
            billed.put("STATUS", PurchaseOrderStatus.BILLED);
            OrderStore.update(db, after, billed);
            PurchaseOrder done = OrderStore.require(db, order.id());
            events.publish(db, PurchasingEvents.ORDER_BILLED.changed(Long.toString(done.id()), done.version(), actor,
                    OrderStore.details(after), OrderStore.details(done)));
        }
        return posted;
    }

    /** Writes the change (raising the version) and publishes its event with the diff. */
    private VendorBill publish(Connection db, VendorBill before, Map<String, Object> set, EventType<BillDetails> type,
                               String actor) {
        BillStore.update(db, before, set);
        VendorBill after = BillStore.require(db, before.id());
        events.publish(db, type.changed(Long.toString(after.id()), after.version(), actor, BillStore.details(before),
                BillStore.details(after)));
        return after;
    }
}
