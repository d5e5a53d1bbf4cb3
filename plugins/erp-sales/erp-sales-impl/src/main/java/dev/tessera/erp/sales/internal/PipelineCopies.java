package dev.tessera.erp.sales.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.crm.pipeline.api.event.AccountDetails;
import dev.tessera.crm.pipeline.api.event.PipelineEvents;
import dev.tessera.crm.pipeline.api.event.QuoteDetails;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.event.UndeliverableEvent;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * What sales takes from the pipeline's events, each delivery one transaction with its inbox mark:
 * <ul>
 * <li>{@code pipeline.quote.accepted}: the order, once per quote however often the event comes, then confirmed
 * (credit checked, stock reserved) or held with the reason;</li>
 * <li>{@code pipeline.account.created|updated}: the customer's name and address, a read-only copy here.</li>
 * </ul>
 */
@Component(service = EventSubscriber.class)
public final class PipelineCopies implements EventSubscriber {
    static final String SUBSCRIBER_ID = "erp-sales.pipeline";
    private static final String ACTOR = "system:erp-sales";

    private final Transactions transactions;
    private final EventInbox inbox;
    private final OrdersImpl orders;
    private final CustomersImpl customers;

    @Activate
    public PipelineCopies(@Reference Transactions transactions, @Reference EventInbox inbox,
                          @Reference OrdersImpl orders, @Reference CustomersImpl customers) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.orders = orders;
        this.customers = customers;
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Set<String> topics() {
        return Set.of(PipelineEvents.QUOTE_ACCEPTED.name(), PipelineEvents.ACCOUNT_CREATED.name(),
                PipelineEvents.ACCOUNT_UPDATED.name());
    }

    @Override
    public void handle(DomainEvent event) {
        if (PipelineEvents.QUOTE_ACCEPTED.is(event)) {
            QuoteDetails quote = PipelineEvents.QUOTE_ACCEPTED.payload(event);
            if (quote.lines() == null || quote.lines().isEmpty() || quote.currency() == null) {
                throw new UndeliverableEvent("Accepted quote " + quote.number() + " (event " + event.id() + ") has no"
                        + " lines or no currency: there is nothing to make an order of");
            }
            transactions.run(db -> {
                if (inbox.firstDelivery(db, SUBSCRIBER_ID, event)) {
                    SalesOrder order = orders.orderFromQuote(db, quote, ACTOR);
                    if (order != null) {
                        orders.confirmOrHold(db, order.id(), ACTOR);
                    }
                }
            });
            return;
        }
        AccountDetails account = (PipelineEvents.ACCOUNT_CREATED.is(event) ? PipelineEvents.ACCOUNT_CREATED
                : PipelineEvents.ACCOUNT_UPDATED).payload(event);
        transactions.run(db -> {
            if (inbox.firstDelivery(db, SUBSCRIBER_ID, event)) {
                customers.copyAccount(db, account.id(), account.name(), account.address());
            }
        });
    }
}
