package dev.tessera.crm.pipeline.internal;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.crm.marketing.api.event.MarketingEvents;
import dev.tessera.crm.marketing.api.event.ScoreDetails;
import dev.tessera.crm.marketing.api.event.TouchDetails;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventSubscriber;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Sql;

/**
 * The pipeline's read-only copy of marketing's view of its leads (durable cursor, each event applied once with its
 * inbox mark): {@code marketing.score.qualified|unqualified} set whether the lead is marketing-qualified with the
 * points of the crossing; the first {@code marketing.touch.recorded} of a lead names its campaign source. Marketing
 * may be absent: the copies stay as they were and catch up when it returns.
 */
@Component(service = EventSubscriber.class)
public final class MarketingCopies implements EventSubscriber {
    static final String SUBSCRIBER_ID = "crm-pipeline.marketing-copies";

    private final Transactions transactions;
    private final EventInbox inbox;

    @Activate
    public MarketingCopies(@Reference Transactions transactions, @Reference EventInbox inbox,
                           @Reference(target = "(tessera.module=crm-pipeline)") ModuleSchema schema) {
        this.transactions = transactions;
        this.inbox = inbox;
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Set<String> topics() {
        return Set.of(MarketingEvents.PREFIX + ".score.*", MarketingEvents.TOUCH_RECORDED.name());
    }

    @Override
    public void handle(DomainEvent event) {
        transactions.run(db -> {
            if (!inbox.firstDelivery(db, SUBSCRIBER_ID, event)) {
                return;
            }
            if (MarketingEvents.TOUCH_RECORDED.is(event)) {
                touch(db, MarketingEvents.TOUCH_RECORDED.payload(event));
            } else if (MarketingEvents.LEAD_QUALIFIED.is(event)) {
                score(db, event, MarketingEvents.LEAD_QUALIFIED.payload(event));
            } else if (MarketingEvents.LEAD_UNQUALIFIED.is(event)) {
                score(db, event, MarketingEvents.LEAD_UNQUALIFIED.payload(event));
            }
        });
    }

    private static void score(Connection db, DomainEvent event, ScoreDetails score) {
        if (Sql.value(db, "SELECT ID FROM PIP_LEAD WHERE ID = ?", score.leadId()) == null) {
            return; // not one of this pipeline's leads
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("QUALIFIED", score.qualified());
        set.put("POINTS", score.points());
        set.put("SCORED_AT", event.occurredAt());
        row(db, score.leadId());
        Sql.update(db, "PIP_LEAD_MARKETING", set, "LEAD_ID = ?", score.leadId());
    }

    private static void touch(Connection db, TouchDetails touch) {
        if (touch.leadId() == null || Sql.value(db, "SELECT ID FROM PIP_LEAD WHERE ID = ?", touch.leadId()) == null) {
            return;
        }
        row(db, touch.leadId());
        // the earliest touch is the source, whatever order the touches were posted in
        Sql.execute(db, "UPDATE PIP_LEAD_MARKETING SET FIRST_CAMPAIGN = ?, FIRST_TOUCH_AT = ? WHERE LEAD_ID = ?"
                + " AND (FIRST_TOUCH_AT IS NULL OR FIRST_TOUCH_AT > ?)", touch.campaign(), touch.occurredAt(),
                touch.leadId(), touch.occurredAt());
    }

    private static void row(Connection db, long leadId) {
        if (Sql.value(db, "SELECT LEAD_ID FROM PIP_LEAD_MARKETING WHERE LEAD_ID = ?", leadId) == null) {
            Sql.execute(db, "INSERT INTO PIP_LEAD_MARKETING (LEAD_ID, QUALIFIED) VALUES (?, FALSE)", leadId);
        }
    }
}
