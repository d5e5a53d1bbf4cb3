package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.StockMove;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.purchasing.api.GoodsReceipt;
import dev.tessera.erp.purchasing.api.GoodsReceipts;
import dev.tessera.erp.purchasing.api.NewGoodsReceipt;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.erp.purchasing.api.ReceiveLine;
import dev.tessera.erp.purchasing.api.ReceivedLine;
import dev.tessera.erp.purchasing.api.event.PurchasingEvents;
import dev.tessera.erp.purchasing.api.event.ReceiptDetails;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Neighbours;

/**
 * Goods received against purchase orders. A receipt locks its order's row first, so receipts of one order run one
 * after another and each checks the quantities the one before committed: a line never receives more than ordered
 * plus the tolerance. The stock lines go into stock through the inventory's {@link StockService}, in the same
 * transaction: a refused line leaves no stock move, no receipt and no event behind.
 */
@Component(service = {GoodsReceipts.class, ReceiptsImpl.class})
public final class ReceiptsImpl implements GoodsReceipts {
    private final Transactions transactions;
    private final EventPublisher events;
    private final ModuleManager modules;
    private final ReceiptTolerance tolerance;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile StockService stock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configuration;

    @Activate
    public ReceiptsImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                        @Reference VendorsImpl vendors,
                        @Reference(target = "(tessera.module=erp-purchasing)") ModuleSchema schema,
                        @Reference ModuleManager modules) {
        this.transactions = transactions;
        this.events = events;
        this.modules = modules;
        this.tolerance = new ReceiptTolerance(vendors.settings().receiptTolerancePercent());
    }

    @Override
    public List<GoodsReceipt> receipts(long orderId) {
        return transactions.required(db -> {
            OrderStore.require(db, orderId);
            return ReceiptStore.receipts(db, orderId);
        });
    }

    /** A checked line of the receipt: which order line, how many, where. */
    private record Planned(PurchaseOrderLine line, BigDecimal quantity, String warehouse, String location,
                           String lot) {
    }

    @Override
    public GoodsReceipt receive(long orderId, NewGoodsReceipt in, String actor) {
        if (in == null || in.lines() == null || in.lines().isEmpty()) {
            throw new ValidationException(PurchasingErrors.INVALID, "Name what arrived", List.of(
                    new FieldError("lines", "is required: at least one {line, quantity}")));
        }
        List<FieldError> errors = new ArrayList<>();
        String warehouse = Checks.code(in.warehouse(), Checks.WAREHOUSE, "warehouse", "MAIN", errors);
        for (int i = 0; i < in.lines().size(); i++) {
            ReceiveLine l = in.lines().get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                errors.add(new FieldError("lines[" + i + "]", "is required"));
                continue;
            }
            if (l.line() == null) {
                errors.add(new FieldError(at + "line", "is required"));
            }
            Checks.quantity(l.quantity(), at + "quantity", errors);
            Checks.code(l.warehouse(), Checks.WAREHOUSE, at + "warehouse", "MAIN", errors);
            Checks.code(l.location(), Checks.WAREHOUSE, at + "location", "A-01", errors);
            Changes.text(l.lot(), at + "lot", 50, false, errors);
        }
        ValidationException.throwIfAny(PurchasingErrors.INVALID, "The receipt", errors);
        return transactions.required(db -> {
            PurchaseOrder order = OrderStore.lock(db, orderId);
            Transitions.require(order, Transitions.RECEIVABLE, "received");
            List<Planned> plan = plan(order, in, warehouse);
            StockService inventory = null;
            if (plan.stream().anyMatch(p -> p.line().stocked())) {
                inventory = Neighbours.optional(stock, "erp-inventory", modules);
                if (inventory == null) {
                    throw new TesseraException(PurchasingErrors.INVENTORY_UNAVAILABLE, "Receiving items puts them into"
                            + " stock and the inventory is not enabled; enable erp-inventory to receive order "
                            + order.number() + " (non-stock lines can be received without it)");
                }
                String valued = StockCurrency.of(configuration);
                if (!valued.equalsIgnoreCase(order.currency())) {
                    throw new TesseraException(PurchasingErrors.STOCK_CURRENCY, "Order " + order.number() + " is in "
                            + order.currency() + " and the inventory values stock in " + valued + "; receiving"
                            + " needs the price in " + valued + " and purchasing does not convert currencies yet");
                }
            }
            return book(db, order, plan, inventory, actor);
        });
    }

    /** Checks every line against the order: a line of it, within what it may still receive, with a warehouse. */
    private List<Planned> plan(PurchaseOrder order, NewGoodsReceipt in, String warehouse) {
        List<FieldError> errors = new ArrayList<>();
        boolean over = false;
        Map<Integer, BigDecimal> planned = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < in.lines().size(); i++) {
            ReceiveLine r = in.lines().get(i);
            String at = "lines[" + i + "].";
            if (r.line() < 1 || r.line() > order.lines().size()) {
                errors.add(new FieldError(at + "line", "must be a line of order " + order.number() + ", 1 to "
                        + order.lines().size()));
                continue;
            }
            PurchaseOrderLine line = order.lines().get(r.line() - 1);
            BigDecimal before = line.received().add(planned.getOrDefault(line.line(), BigDecimal.ZERO));
            if (!tolerance.allows(line.quantity(), before, r.quantity())) {
                over = true;
                errors.add(new FieldError(at + "quantity", "is " + Checks.plain(r.quantity()) + " but line "
                        + line.line() + " ordered " + Checks.plain(line.quantity()) + ", received "
                        + Checks.plain(before) + ", and may receive at most "
                        + Checks.plain(tolerance.left(line.quantity(), before)) + " more"));
                continue;
            }
            String where = r.warehouse() != null ? r.warehouse().trim() : warehouse != null ? warehouse
                    : line.warehouse();
            if (line.stocked() && where == null) {
                errors.add(new FieldError(at + "warehouse", "is required: neither the receipt nor line " + line.line()
                        + " of the order names a warehouse"));
                continue;
            }
            planned.merge(line.line(), r.quantity(), BigDecimal::add);
            plan.add(new Planned(line, r.quantity(), line.stocked() ? where : null,
                    line.stocked() && r.location() != null ? r.location().trim() : null,
                    line.stocked() && r.lot() != null && !r.lot().isBlank() ? r.lot().trim() : null));
        }
        ValidationException.throwIfAny(over ? PurchasingErrors.OVER_RECEIPT : PurchasingErrors.INVALID,
                "The receipt", errors);
        return plan;
    }

    private GoodsReceipt book(Connection db, PurchaseOrder order, List<Planned> plan, StockService inventory,
                              String actor) {
        Currency currency = Currency.getInstance(order.currency());
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        List<ReceivedLine> received = new ArrayList<>();
        for (Planned p : plan) {
            PurchaseOrderLine line = p.line();
            Long move = null;
            if (line.stocked()) {
                StockMove moved = inventory.receive(new Receipt(line.sku(), p.warehouse(), p.location(), p.lot(),
                        p.quantity(), line.unitPrice(), order.number() + ":" + line.line()), actor);
                move = moved.id();
            }
            BigDecimal value = p.quantity().multiply(line.unitPrice()).setScale(digits, RoundingMode.HALF_UP);
            received.add(new ReceivedLine(line.line(), line.sku(), line.description(), p.quantity(), line.unitPrice(),
                    value, p.warehouse(), p.location(), p.lot(), move));
            OrderStore.addReceived(db, order.id(), line.line(), p.quantity());
        }
        LocalDate today = LocalDate.now();
        long id = ReceiptStore.insert(db, order.id(), today, received, actor);
        PurchaseOrder counted = OrderStore.require(db, order.id());
        PurchaseOrderStatus status = Transitions.afterReceipt(counted.lines());
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("STATUS", status);
        OrderStore.update(db, counted, set);
        PurchaseOrder after = OrderStore.require(db, order.id());
        GoodsReceipt receipt = ReceiptStore.receipt(db, id);
        ReceiptDetails details = new ReceiptDetails(after.id(), after.number(), after.vendorId(), after.vendorCode(),
                after.vendorName(), after.currency(), today, id, received.stream().map(r -> new ReceiptDetails.Received(
                r.line(), r.sku(), r.description(), r.quantity(), r.unitPrice(), r.value(), r.warehouse(),
                r.stockMoveId())).toList(), receipt.value(), after.status(), OrderStore.lines(after));
        events.publish(db, PurchasingEvents.ORDER_RECEIVED.event(Long.toString(after.id()), after.version(), actor,
                details, Changes.diff(received(order), received(after))));
        return receipt;
    }

    /** The fields a receipt changes: the status and each line's received quantity. */
    private static Map<String, Object> received(PurchaseOrder order) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", order.status().name());
        for (PurchaseOrderLine l : order.lines()) {
            fields.put("lines[" + (l.line() - 1) + "].received", l.received().toPlainString());
        }
        return fields;
    }
}
