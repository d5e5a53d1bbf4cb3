package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.platform.api.TesseraException;

import static dev.tessera.erp.purchasing.api.PurchaseOrderStatus.*;

/** The ways a purchase order's status may go, and the checks of each operation against them. */
final class Transitions {
    static final Set<PurchaseOrderStatus> CHANGEABLE = EnumSet.of(DRAFT, APPROVED, SENT);
    static final Set<PurchaseOrderStatus> RECEIVABLE = EnumSet.of(APPROVED, SENT, PARTIALLY_RECEIVED);
    static final Set<PurchaseOrderStatus> CANCELLABLE = EnumSet.of(DRAFT, APPROVED, SENT);
    static final Set<PurchaseOrderStatus> CLOSABLE = EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, BILLED);

    private Transitions() {
    }

    /** The statuses an order may move to from {@code status}. */
    static Set<PurchaseOrderStatus> next(PurchaseOrderStatus status) {
        return switch (status) {
            case DRAFT -> EnumSet.of(APPROVED, CANCELLED);
            case APPROVED -> EnumSet.of(DRAFT, SENT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED);
            case SENT -> EnumSet.of(DRAFT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED);
            case PARTIALLY_RECEIVED -> EnumSet.of(RECEIVED, CLOSED);
            case RECEIVED -> EnumSet.of(BILLED, CLOSED);
            case BILLED -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(PurchaseOrderStatus.class);
        };
    }

    /** Refuses (purchasing.order-state) when the order is not in one of the statuses the operation needs. */
    static void require(PurchaseOrder order, Set<PurchaseOrderStatus> allowed, String doing) {
        if (!allowed.contains(order.status())) {
            throw new TesseraException(PurchasingErrors.ORDER_STATE, "Order " + order.number() + " is "
                    + name(order.status()) + "; it cannot be " + doing + " (only when " + String.join(" or ",
                    allowed.stream().map(Transitions::name).sorted().toList()) + ")");
        }
    }

    /** Refuses a change or cancellation once anything was received on the order. */
    static void requireNothingReceived(PurchaseOrder order, String doing) {
        if (order.lines().stream().anyMatch(l -> l.received().signum() > 0)) {
            throw new TesseraException(PurchasingErrors.ORDER_STATE, "Goods were received on order " + order.number()
                    + "; it cannot be " + doing + " any more");
        }
    }

    /** The status after a receipt: RECEIVED once every line has all it ordered, else PARTIALLY_RECEIVED. */
    static PurchaseOrderStatus afterReceipt(List<PurchaseOrderLine> lines) {
        boolean all = lines.stream().allMatch(l -> l.received().compareTo(l.quantity()) >= 0);
        boolean any = lines.stream().map(PurchaseOrderLine::received).anyMatch(r -> r.compareTo(BigDecimal.ZERO) > 0);
        return all ? RECEIVED : any ? PARTIALLY_RECEIVED : null;
    }

    static String name(PurchaseOrderStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
