package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.event.OrderDetails;
import dev.tessera.erp.purchasing.api.event.OrderState;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * What the inventory takes from purchasing's events: the quantities on order, a read-only copy (INV_INCOMING) that
 * reorder suggestions and available-to-promise count as incoming. An approved, sent or partially received order
 * brings in what its item lines still miss; a draft, received, billed, closed or cancelled one brings nothing.
 * Each delivery is one transaction with its inbox mark, and an event older than the copy changes nothing.
 */
@Component(service = EventSubscriber.class)
public final class PurchasingCopies implements EventSubscriber {
    static final String SUBSCRIBER_ID = "erp-inventory.incoming";
    private static final Set<PurchaseOrderStatus> ON_ORDER = Set.of(PurchaseOrderStatus.APPROVED,
            PurchaseOrderStatus.SENT, PurchaseOrderStatus.PARTIALLY_RECEIVED);

    private final Transactions transactions;
    private final EventInbox inbox;

    @Activate
    public PurchasingCopies(@Reference Transactions transactions, @Reference EventInbox inbox) {
        this.transactions = transactions;
        this.inbox = inbox;
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Set<String> topics() {
        return Set.of("purchasing.purchase-order.*");
    }

    @Override
    public void handle(DomainEvent event) {
        Optional<OrderState> told = OrderState.of(event);
        if (told.isEmpty()) {
            return;
        }
        OrderState order = told.get();
        long orderId = order.orderId();
        String number = order.number();
        String vendor = order.vendorCode();
        PurchaseOrderStatus status = order.status();
        List<OrderDetails.Line> lines = order.lines();
        List<Incoming.Line> open = new ArrayList<>();
        if (ON_ORDER.contains(status) && lines != null) {
            for (OrderDetails.Line l : lines) {
                if (l.sku() == null || l.ordered() == null) {
                    continue;
                }
                BigDecimal missing = l.ordered().subtract(l.received() == null ? BigDecimal.ZERO : l.received());
                if (missing.signum() > 0) {
                    open.add(new Incoming.Line(l.line(), l.sku(), l.warehouse(), missing, l.expectedDate()));
                }
            }
        }
        transactions.run(db -> {
            if (inbox.firstDelivery(db, SUBSCRIBER_ID, event)) {
                Incoming.replace(db, orderId, event.recordVersion(), number, vendor, open);
            }
        });
    }
}
