package dev.tessera.crm.marketing.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.crm.pipeline.api.OpportunityStatus;
import dev.tessera.crm.pipeline.api.event.ContactDetails;
import dev.tessera.crm.pipeline.api.event.LeadDetails;
import dev.tessera.crm.pipeline.api.event.OpportunityDetails;
import dev.tessera.crm.pipeline.api.event.PipelineEvents;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Sql;

/**
 * Read-only copies of the pipeline's leads (what fit rules read, and whose touches a score counts), of its contacts
 * (whose touches count for their account's deals) and of its won opportunities (the revenue attribution shares),
 * from the pipeline's events. A lead's score is settled when its copy
 * changes, in the same transaction.
 */
@Component(service = EventSubscriber.class)
public final class PipelineCopies implements EventSubscriber {
    static final String SUBSCRIBER_ID = "crm-marketing.pipeline";

    private final Transactions transactions;
    private final EventInbox inbox;
    private final MarketingImpl marketing;

    @Activate
    public PipelineCopies(@Reference Transactions transactions, @Reference EventInbox inbox,
                          @Reference MarketingImpl marketing) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.marketing = marketing;
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Set<String> topics() {
        return Set.of("pipeline.lead.*", "pipeline.contact.*", "pipeline.opportunity.*");
    }

    @Override
    public void handle(DomainEvent event) {
        Object payload = PipelineEvents.ALL.stream().filter(t -> t.is(event)).findFirst().map(t -> t.payload(event))
                .orElse(null);
        if (payload instanceof LeadDetails lead) {
            transactions.run(db -> {
                if (!inbox.firstDelivery(db, SUBSCRIBER_ID, event)
                        || !Sql.takeVersion(db, "MKT_LEAD", "ID", "EVENT_VERSION", lead.id(), event.recordVersion())) {
                    return;
                }
                Map<String, Object> set = new LinkedHashMap<>();
                set.put("EMAIL", lead.email() == null || lead.email().isBlank() ? null
                        : lead.email().trim().toLowerCase(Locale.ROOT));
                set.put("NAME", lead.name());
                set.put("COMPANY", lead.company());
                set.put("DOMAIN", lead.domain());
                set.put("PHONE", lead.phone());
                set.put("SOURCE", lead.source());
                set.put("STATUS", lead.status() == null ? null : lead.status().name());
                set.put("OPPORTUNITY_ID", lead.opportunityId());
                Sql.update(db, "MKT_LEAD", set, "ID = ?", lead.id());
                marketing.settle(db, lead.id(), "system:crm-marketing");
            });
        } else if (payload instanceof ContactDetails contact) {
            transactions.run(db -> {
                if (!inbox.firstDelivery(db, SUBSCRIBER_ID, event) || !Sql.takeVersion(db, "MKT_CONTACT", "ID",
                        "EVENT_VERSION", contact.id(), event.recordVersion())) {
                    return;
                }
                Map<String, Object> set = new LinkedHashMap<>();
                set.put("ACCOUNT_ID", contact.accountId());
                set.put("EMAIL", contact.email() == null || contact.email().isBlank() ? null
                        : contact.email().trim().toLowerCase(Locale.ROOT));
                Sql.update(db, "MKT_CONTACT", set, "ID = ?", contact.id());
            });
        } else if (payload instanceof OpportunityDetails deal) {
            transactions.run(db -> {
                if (!inbox.firstDelivery(db, SUBSCRIBER_ID, event) || !Sql.takeVersion(db, "MKT_CONVERSION",
                        "OPPORTUNITY_ID", "EVENT_VERSION", deal.id(), event.recordVersion())) {
                    return;
                }
                Map<String, Object> set = new LinkedHashMap<>();
                set.put("AMOUNT", deal.amount());
                set.put("CURRENCY", deal.currency());
                set.put("WON_ON", deal.closedOn());
                set.put("WON", deal.status() == OpportunityStatus.WON);
                set.put("ACCOUNT_ID", deal.accountId());
                Sql.update(db, "MKT_CONVERSION", set, "OPPORTUNITY_ID = ?", deal.id());
            });
        }
    }
}
