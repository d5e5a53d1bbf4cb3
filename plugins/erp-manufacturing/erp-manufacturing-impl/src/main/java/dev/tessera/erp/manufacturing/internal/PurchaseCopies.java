package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.manufacturing.api.PlannedOrderKind;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.event.OrderDetails;
import dev.tessera.erp.purchasing.api.event.OrderState;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Sql;

/**
 * What MRP takes from purchasing's events: the status of each purchase order a planned purchase was firmed into, so
 * that a run counts it as supply while it is a draft (once approved the inventory's copy of what is on order has it;
 * cancelled, it brings nothing) — whether purchasing is enabled at the time of the run or not. An event older than
 * the status kept changes nothing.
 */
@Component(service = EventSubscriber.class)
public final class PurchaseCopies implements EventSubscriber {
    static final String SUBSCRIBER_ID = "erp-manufacturing.purchases";

    private final Transactions transactions;
    private final EventInbox inbox;

    @Activate
    public PurchaseCopies(@Reference Transactions transactions, @Reference EventInbox inbox) {
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
        String number = told.get().number();
        PurchaseOrderStatus status = told.get().status();
        List<OrderDetails.Line> lines = told.get().lines();
        if (number == null || status == null) {
            return;
        }
        // what the order still brings of each item: a planner may have changed the draft it was firmed into
        Map<String, BigDecimal> open = new HashMap<>();
        Map<String, LocalDate> expected = new HashMap<>();
        for (OrderDetails.Line l : lines) {
            if (l.sku() != null && l.ordered() != null) {
                open.merge(l.sku(), l.ordered().subtract(l.received() == null ? BigDecimal.ZERO : l.received())
                        .max(BigDecimal.ZERO), BigDecimal::add);
                if (l.expectedDate() != null) {
                    expected.merge(l.sku(), l.expectedDate(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        transactions.run(db -> {
            if (!inbox.firstDelivery(db, SUBSCRIBER_ID, event)) {
                return;
            }
            for (Object[] r : Sql.rows(db, "SELECT ID, SKU FROM MFG_PLANNED_ORDER WHERE KIND = ? AND FIRMED_AS = ? AND"
                    + " (DOCUMENT_VERSION IS NULL OR DOCUMENT_VERSION <= ?)", PlannedOrderKind.BUY.name(), number,
                    event.recordVersion())) {
                Map<String, Object> set = new LinkedHashMap<>();
                set.put("DOCUMENT_STATUS", status.name());
                set.put("DOCUMENT_VERSION", event.recordVersion());
                set.put("DOCUMENT_QUANTITY", open.getOrDefault((String) r[1], BigDecimal.ZERO));
                set.put("DOCUMENT_DATE", expected.get((String) r[1]));
                Sql.update(db, "MFG_PLANNED_ORDER", set, "ID = ?", Sql.longValue(r[0]));
            }
        });
    }
}
