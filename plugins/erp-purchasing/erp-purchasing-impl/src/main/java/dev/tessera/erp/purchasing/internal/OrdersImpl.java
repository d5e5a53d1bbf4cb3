package dev.tessera.erp.purchasing.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.ReorderSuggestion;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.purchasing.api.NewPurchaseOrder;
import dev.tessera.erp.purchasing.api.NewPurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderChanges;
import dev.tessera.erp.purchasing.api.PurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchaseOrders;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.erp.purchasing.api.ReorderOrders;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.event.OrderDetails;
import dev.tessera.erp.purchasing.api.event.PurchasingEvents;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ModuleManager;
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

import static dev.tessera.erp.purchasing.api.PurchaseOrderStatus.APPROVED;
import static dev.tessera.erp.purchasing.api.PurchaseOrderStatus.CANCELLED;
import static dev.tessera.erp.purchasing.api.PurchaseOrderStatus.CLOSED;
import static dev.tessera.erp.purchasing.api.PurchaseOrderStatus.DRAFT;
import static dev.tessera.erp.purchasing.api.PurchaseOrderStatus.SENT;

/**
 * Purchase orders: drafted (numbered gap-free, priced from the vendor's agreements, taxed by the ledger's engine when
 * it is enabled), changed (a new revision once approved), approved under the approval rule, sent, cancelled. Each
 * operation is one transaction with its event; the operations on one order lock its row first.
 */
@Component(service = {PurchaseOrders.class, OrdersImpl.class})
public final class OrdersImpl implements PurchaseOrders {
    private final Transactions transactions;
    private final EventPublisher events;
    private final NumberSeries numbers;
    private final ModuleManager modules;
    private final VendorsImpl vendors;
    private final ApprovalRule approval;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Catalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TaxService taxes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile StockService stock;

    @Activate
    public OrdersImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                      @Reference NumberSeries numbers, @Reference VendorsImpl vendors,
                      @Reference(target = "(tessera.module=erp-purchasing)") ModuleSchema schema,
                      @Reference ModuleManager modules) {
        this.transactions = transactions;
        this.events = events;
        this.numbers = numbers;
        this.modules = modules;
        this.vendors = vendors;
        this.approval = new ApprovalRule(vendors.settings().approvalAbove());
    }

    private OrderPricing pricing() {
        return new OrderPricing(vendors, Neighbours.optional(catalog, "erp-inventory", modules),
                Neighbours.optional(taxes, "erp-ledger", modules));
    }

    @Override
    public List<PurchaseOrder> orders(PurchaseOrderStatus status, Long vendorId, long afterId, int limit) {
        Sql.Where where = new Sql.Where("o.ID > ?", afterId).and("o.STATUS", status).and("o.VENDOR_ID", vendorId);
        return transactions.required(db -> OrderStore.orders(db, where, limit));
    }

    @Override
    public Optional<PurchaseOrder> order(long id) {
        return transactions.required(db -> OrderStore.order(db, id));
    }

    @Override
    public Optional<PurchaseOrder> orderByNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return transactions.required(db -> OrderStore.orderByNumber(db, number));
    }

    // ================================================================ drafting and changing

    @Override
    public PurchaseOrder createOrder(NewPurchaseOrder in, String actor) {
        if (in == null) {
            throw new ValidationException(PurchasingErrors.INVALID, "The order is required", List.of(
                    new FieldError("vendorId", "is required (or vendorCode)"), new FieldError("lines", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String warehouse = Checks.code(in.warehouse(), Checks.WAREHOUSE, "warehouse", "MAIN", errors);
        String note = Changes.text(in.note(), "note", 1000, false, errors);
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The order", errors);
        LocalDate orderDate = in.orderDate() == null ? LocalDate.now() : in.orderDate();
        OrderPricing pricing = pricing();
        return transactions.required(db -> {
            Vendor vendor = vendors.require(db, in.vendorId(), in.vendorCode());
            if (!vendor.active()) {
                throw new TesseraException(PurchasingErrors.VENDOR_INACTIVE, "Vendor " + vendor.code()
                        + " is deactivated; it gets no new orders");
            }
            OrderPricing.Priced priced = pricing.price(db, new OrderPricing.Context(vendor, orderDate, warehouse, null),
                    in.lines());
            long id = Sql.nextId(db, "PUR_SEQUENCE", "order");
            String series = "PO-" + orderDate.getYear();
            String number = NumberSeries.format(series, numbers.next(db, series));
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("VENDOR_ID", vendor.id());
            header.put("CURRENCY", vendor.currency());
            header.put("ORDER_DATE", orderDate);
            header.put("WAREHOUSE", warehouse);
            header.put("TAX_CALCULATED", priced.taxCalculated());
            header.put("NOTE", join(note, priced.note()));
            OrderStore.insertOrder(db, id, number, header, priced.lines(), actor);
            PurchaseOrder created = OrderStore.require(db, id);
            events.publish(db, PurchasingEvents.ORDER_CREATED.created(Long.toString(id), actor,
                    OrderStore.details(created)));
            return created;
        });
    }

    @Override
    public PurchaseOrder changeOrder(long id, PurchaseOrderChanges in, String actor) {
        if (in == null || in.lines() == null && in.expectedDate() == null && in.note() == null) {
            throw new ValidationException(PurchasingErrors.INVALID, "Nothing to change", List.of(
                    new FieldError("lines", "is required (or expectedDate, or note)")));
        }
        List<FieldError> errors = new ArrayList<>();
        String note = in.note() == null ? null : Changes.text(in.note(), "note", 1000, false, errors);
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The changes", errors);
        OrderPricing pricing = pricing();
        return transactions.required(db -> {
            PurchaseOrder before = OrderStore.lock(db, id);
            Transitions.require(before, Transitions.CHANGEABLE, "changed");
            Transitions.requireNothingReceived(before, "changed");
            if (in.expectedDate() != null && in.expectedDate().isBefore(before.orderDate())) {
                throw new ValidationException(PurchasingErrors.INVALID, "The expected date is before the order date",
                        List.of(new FieldError("expectedDate", "must be on or after the order date "
                                + before.orderDate())));
            }
            Vendor vendor = VendorStore.requireVendor(db, before.vendorId());
            List<NewPurchaseOrderLine> lines = in.lines() != null ? in.lines() : before.lines().stream()
                    .map(l -> keep(l, in.expectedDate())).toList();
            OrderPricing.Priced priced = pricing.price(db, new OrderPricing.Context(vendor, before.orderDate(),
                    before.warehouse(), in.expectedDate()), lines);
            OrderStore.replaceLines(db, id, priced.lines());
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("TAX_CALCULATED", priced.taxCalculated());
            if (in.note() != null) {
                set.put("NOTE", join(note, priced.note()));
            }
            if (before.status() != DRAFT) {
                set.put("REVISION", before.revision() + 1);
                set.put("STATUS", DRAFT);
                set.put("REVISED_BY", actor);
                set.put("APPROVED_BY", null);
                set.put("APPROVED_AT", null);
                set.put("SENT_AT", null);
            }
            return publish(db, before, set, PurchasingEvents.ORDER_CHANGED, actor);
        });
    }

    /** A line as it is, to price again (its typed or agreed price kept), with a new expected date when given. */
    private static NewPurchaseOrderLine keep(PurchaseOrderLine l, LocalDate expected) {
        return new NewPurchaseOrderLine(l.sku(), l.description(), l.quantity(),
                l.priceAgreementId() == null ? l.unitPrice() : null, l.taxCode(),
                expected != null ? expected : l.expectedDate(), l.warehouse());
    }

    // ================================================================ approving, sending, cancelling

    @Override
    public PurchaseOrder approve(long id, String actor, Set<String> actorRoles) {
        return transactions.required(db -> {
            PurchaseOrder before = OrderStore.lock(db, id);
            Transitions.require(before, Set.of(DRAFT), "approved");
            approval.check(before, actor, actorRoles);
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("STATUS", APPROVED);
            set.put("APPROVED_BY", actor);
            set.put("APPROVED_AT", Instant.now());
            return publish(db, before, set, PurchasingEvents.ORDER_APPROVED, actor);
        });
    }

    @Override
    public PurchaseOrder send(long id, String actor) {
        return transactions.required(db -> {
            PurchaseOrder before = OrderStore.lock(db, id);
            Transitions.require(before, Set.of(APPROVED), "sent");
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("STATUS", SENT);
            set.put("SENT_AT", Instant.now());
            return publish(db, before, set, PurchasingEvents.ORDER_SENT, actor);
        });
    }

    @Override
    public PurchaseOrder cancel(long id, String reason, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String why = Changes.text(reason, "reason", 500, false, errors);
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The cancellation", errors);
        return transactions.required(db -> {
            PurchaseOrder before = OrderStore.lock(db, id);
            Transitions.require(before, Transitions.CANCELLABLE, "cancelled");
            Transitions.requireNothingReceived(before, "cancelled");
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("STATUS", CANCELLED);
            set.put("NOTE", why == null ? "Cancelled" : "Cancelled: " + why);
            return publish(db, before, set, PurchasingEvents.ORDER_CANCELLED, actor);
        });
    }

    @Override
    public PurchaseOrder close(long id, String reason, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String why = Changes.text(reason, "reason", 500, false, errors);
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The closing", errors);
        return transactions.required(db -> {
            PurchaseOrder before = OrderStore.lock(db, id);
            Transitions.require(before, Transitions.CLOSABLE, "closed");
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("STATUS", CLOSED);
            if (why != null) {
                set.put("NOTE", join(before.note(), "Closed: " + why));
            }
            return publish(db, before, set, PurchasingEvents.ORDER_CLOSED, actor);
        });
    }

    // ================================================================ from the reorder suggestions

    @Override
    public ReorderOrders fromReorder(String warehouse, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String into = Checks.code(warehouse, Checks.WAREHOUSE, "warehouse", "MAIN", errors);
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The reorder", errors);
        StockService inventory = Neighbours.optional(stock, "erp-inventory", modules);
        if (inventory == null) {
            throw new TesseraException(PurchasingErrors.INVENTORY_UNAVAILABLE, "Reorder suggestions come from the"
                    + " inventory, which is not enabled; enable erp-inventory");
        }
        if (into != null && inventory.warehouses().stream().noneMatch(w -> w.code().equalsIgnoreCase(into))) {
            throw new ValidationException(PurchasingErrors.INVALID, "No warehouse " + into, List.of(new FieldError(
                    "warehouse", "'" + into + "' is not a warehouse of the inventory (inventory:warehouses)")));
        }
        LocalDate today = LocalDate.now();
        return transactions.required(db -> {
            Map<Vendor, List<NewPurchaseOrderLine>> lines = new LinkedHashMap<>();
            List<ReorderOrders.Unsourced> unsourced = new ArrayList<>();
            for (ReorderSuggestion s : inventory.reorderSuggestions()) {
                Optional<PreferredVendor.Choice> choice = PreferredVendor.choose(
                        VendorStore.agreementsFor(db, s.sku(), today), s.suggestedQuantity(), today);
                if (choice.isEmpty()) {
                    unsourced.add(new ReorderOrders.Unsourced(s.sku(), s.suggestedQuantity(), "no active vendor has"
                            + " a price agreement for it valid today (purchasing:price-add)"));
                    continue;
                }
                lines.computeIfAbsent(choice.get().vendor(), v -> new ArrayList<>()).add(new NewPurchaseOrderLine(
                        s.sku(), null, choice.get().quantity(), null, null, null, null));
            }
            List<PurchaseOrder> drafted = new ArrayList<>();
            for (Map.Entry<Vendor, List<NewPurchaseOrderLine>> e : lines.entrySet()) {
                drafted.add(createOrder(new NewPurchaseOrder(e.getKey().id(), null, today, into, e.getValue(),
                        "From the reorder suggestions"), actor));
            }
            return new ReorderOrders(drafted, unsourced);
        });
    }

    /** Writes the change (raising the version) and publishes its event with the diff. */
    private PurchaseOrder publish(Connection db, PurchaseOrder before, Map<String, Object> set,
                                  EventType<OrderDetails> type, String actor) {
        OrderStore.update(db, before, set);
        PurchaseOrder after = OrderStore.require(db, before.id());
        events.publish(db, type.changed(Long.toString(after.id()), after.version(), actor, OrderStore.details(before),
                OrderStore.details(after)));
        return after;
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }
}
