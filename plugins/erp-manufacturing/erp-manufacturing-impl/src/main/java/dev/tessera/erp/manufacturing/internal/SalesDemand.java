package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.inventory.api.InventoryErrors;
import dev.tessera.erp.sales.api.OrderStatus;
import dev.tessera.erp.sales.api.Orders;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.erp.sales.api.event.OrderDetails;
import dev.tessera.erp.sales.api.event.SalesEvents;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Neighbours;
import dev.tessera.platform.support.Sql;

/**
 * What MRP takes from sales' events: per stocked line of a confirmed (or partly shipped) sales order, the quantity
 * still to ship, due on the order's date — a read-only copy (MFG_DEMAND). An order held because the stock was short
 * (an accepted quote sales could not reserve: {@code inventory.insufficient-stock} in its note) counts in full: it
 * is exactly what is to be made or bought. Any other status (draft, held for credit, shipped, cancelled...) leaves
 * nothing of the order. An event published before sales told an order's lines in its events counts the order as
 * sales has it now. Each delivery is one transaction with its inbox mark; an event older than the copy changes
 * nothing.
 */
@Component(service = EventSubscriber.class)
public final class SalesDemand implements EventSubscriber {
    static final String SUBSCRIBER_ID = "erp-manufacturing.sales-demand";
    private static final Set<OrderStatus> OPEN = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED);
    /** The code sales puts in the note of an order it holds because no warehouse had its stock. */
    static final String HELD_FOR_STOCK = "[" + InventoryErrors.INSUFFICIENT_STOCK.code() + "]";

    /** A sales order line's quantity still to ship, as MRP counts it. */
    record Line(long orderId, String orderNumber, int line, String sku, String warehouse, BigDecimal open,
                LocalDate due) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SalesDemand.class);

    private final Transactions transactions;
    private final EventInbox inbox;
    private final ModuleManager modules;

    /** Sales itself, for orders whose events came before they told their lines. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Orders orders;

    @Activate
    public SalesDemand(@Reference Transactions transactions, @Reference EventInbox inbox,
                       @Reference ModuleManager modules) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.modules = modules;
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Set<String> topics() {
        return Set.of("sales.sales-order.*");
    }

    @Override
    public void handle(DomainEvent event) {
        OrderDetails order = SalesEvents.ALL.stream()
                .filter(t -> t.is(event) && t.payloadType() == OrderDetails.class)
                .findFirst()
                .map(t -> (OrderDetails) t.payload(event))
                .orElse(null);
        if (order == null) {
            return;
        }
        List<Line> open;
        if (order.lines() != null) {
            open = open(order);
        } else {
            // published before sales' events told the lines: the order as sales has it now, when sales is here
            // refused (and delivered again later) while sales is enabled but restarting
            Orders sales = Neighbours.optional(orders, "erp-sales", modules);
            Optional<SalesOrder> now = sales == null ? Optional.empty() : sales.order(order.id());
            if (now.isEmpty()) {
                LOG.info("Sales order {} ({}) counts in MRP from its next event: this one does not tell its lines",
                        order.number(), event.type());
                transactions.run(db -> inbox.firstDelivery(db, SUBSCRIBER_ID, event));
                return;
            }
            SalesOrder o = now.get();
            open = open(new OrderDetails(o.id(), o.number(), o.accountId(), o.customerName(), o.opportunityId(),
                    o.quoteId(), o.quoteNumber(), o.status(), o.currency(), o.net(), o.tax(), o.gross(),
                    o.taxCalculated(), o.orderDate(), o.note(), o.lines().stream().map(l -> new OrderDetails.Line(
                    l.line(), l.sku(), l.quantity(), l.shipped(), l.stocked(), l.warehouse())).toList()));
        }
        transactions.run(db -> {
            if (inbox.firstDelivery(db, SUBSCRIBER_ID, event)) {
                replace(db, order.id(), event.recordVersion(), open);
            }
        });
    }

    /** The lines of an order MRP must still supply: stocked items, ordered less shipped, while the order is open. */
    static List<Line> open(OrderDetails order) {
        List<Line> open = new ArrayList<>();
        boolean heldForStock = order.status() == OrderStatus.HELD && order.note() != null
                && order.note().contains(HELD_FOR_STOCK);
        if (!OPEN.contains(order.status()) && !heldForStock) {
            return open;
        }
        for (OrderDetails.Line l : order.lines()) {
            if (!l.stocked() || l.sku() == null || l.quantity() == null) {
                continue;
            }
            BigDecimal missing = l.quantity().subtract(l.shipped() == null ? BigDecimal.ZERO : l.shipped());
            if (missing.signum() > 0) {
                open.add(new Line(order.id(), order.number(), l.line(), l.sku(), l.warehouse(), missing,
                        order.date()));
            }
        }
        return open;
    }

    static boolean replace(Connection db, long orderId, long version, List<Line> lines) {
        if (!Sql.takeVersion(db, "MFG_DEMAND_ORDER", "ORDER_ID", "ORDER_VERSION", orderId, version)) {
            return false;
        }
        Sql.execute(db, "DELETE FROM MFG_DEMAND WHERE ORDER_ID = ?", orderId);
        for (Line l : lines) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ORDER_ID", orderId);
            row.put("LINE_NO", l.line());
            row.put("ORDER_NUMBER", l.orderNumber());
            row.put("SKU", l.sku());
            row.put("WAREHOUSE", l.warehouse());
            row.put("OPEN_QUANTITY", l.open());
            row.put("DUE_DATE", l.due() == null ? null : Date.valueOf(l.due()));
            Sql.insert(db, "MFG_DEMAND", row);
        }
        return true;
    }

    /** Every open line, by item then due date. */
    static List<Line> all(Connection db) {
        List<Line> result = new ArrayList<>();
        for (Object[] r : Sql.rows(db, "SELECT ORDER_ID, ORDER_NUMBER, LINE_NO, SKU, WAREHOUSE, OPEN_QUANTITY, DUE_DATE"
                + " FROM MFG_DEMAND ORDER BY SKU, DUE_DATE, ORDER_NUMBER, LINE_NO")) {
            result.add(new Line(Sql.longValue(r[0]), (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                    (String) r[4], (BigDecimal) r[5], r[6] == null ? null : ((Date) r[6]).toLocalDate()));
        }
        return result;
    }
}
