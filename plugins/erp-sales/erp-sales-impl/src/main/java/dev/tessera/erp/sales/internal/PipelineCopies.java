package dev.tessera.erp.sales.internal;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.sales.api.OrderStatus;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * What sales takes from the pipeline's events (durable cursor: events committed while sales is disabled arrive
 * when it returns; each is applied once, with its inbox mark in the same transaction):
 * <ul>
 * <li>{@code pipeline.quote.accepted}: the order, once per quote however often the event comes, then confirmed
 * (credit checked, stock reserved) or held as a draft with the reason;</li>
 * <li>{@code pipeline.account.created|updated}: the customer's name and address, a read-only copy here.</li>
 * </ul>
 */
@Component(service = EventSubscriber.class)
public final class PipelineCopies implements EventSubscriber {
    static final String SUBSCRIBER_ID = "erp-sales.pipeline";

    private final Transactions transactions;
    private final EventInbox inbox;
    private final SalesInternals sales;

    @Activate
    public PipelineCopies(@Reference Transactions transactions, @Reference EventInbox inbox,
                          @Reference SalesInternals sales) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.sales = sales;
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Set<String> topics() {
        return Set.of("pipeline.quote.accepted", "pipeline.account.created", "pipeline.account.updated");
    }

    @Override
    public void handle(DomainEvent event) {
        if (event.type().equals("pipeline.quote.accepted")) {
            QuoteCopy quote = QuoteCopy.of(event.payload());
            SalesOrder order = transactions.required(db -> {
                if (inbox.firstDelivery(db, SUBSCRIBER_ID, event)) {
                    sales.orderFromQuote(db, quote, "system:erp-sales");
                }
                return sales.orderOfQuote(db, quote.quoteId());
            });
            // confirmed here, after the order is committed; a delivery that finds it still an unheld draft (the
            // previous one stopped in between) confirms it
            if (order != null && order.status() == OrderStatus.DRAFT
                    && (order.note() == null || !order.note().startsWith(SalesInternals.HELD))) {
                sales.confirmOrHold(order.id(), "system:erp-sales");
            }
            return;
        }
        Map<String, Object> p = event.payload();
        transactions.run(db -> {
            if (inbox.firstDelivery(db, SUBSCRIBER_ID, event)) {
                sales.copyAccount(db, Long.parseLong(event.recordId()), text(p.get("name")), text(p.get("address")));
            }
        });
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
