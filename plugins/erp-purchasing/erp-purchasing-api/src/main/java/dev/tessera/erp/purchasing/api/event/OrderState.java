package dev.tessera.erp.purchasing.api.event;

import java.util.List;
import java.util.Optional;

import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.platform.api.event.DomainEvent;

/**
 * A purchase order as every {@code purchasing.purchase-order.*} event tells it after the change, whatever its
 * payload ({@link OrderDetails}, or {@link ReceiptDetails} for a receipt): for the modules that keep a copy of what
 * is on order.
 */
public record OrderState(long orderId, String number, String vendorCode, PurchaseOrderStatus status,
                         List<OrderDetails.Line> lines) {
    public OrderState {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The order the event tells of; empty for an event that is not about a purchase order. */
    public static Optional<OrderState> of(DomainEvent event) {
        if (PurchasingEvents.ORDER_RECEIVED.is(event)) {
            ReceiptDetails r = PurchasingEvents.ORDER_RECEIVED.payload(event);
            return Optional.of(new OrderState(r.orderId(), r.orderNumber(), r.vendorCode(), r.status(), r.lines()));
        }
        return PurchasingEvents.ALL.stream()
                .filter(t -> t.is(event) && t.payloadType() == OrderDetails.class)
                .findFirst()
                .map(t -> (OrderDetails) t.payload(event))
                .map(o -> new OrderState(o.id(), o.number(), o.vendorCode(), o.status(), o.lines()));
    }
}
