package dev.tessera.crm.marketing.api.event;

import java.util.Set;

import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/** The events marketing publishes. */
public interface MarketingEvents {
    String PREFIX = "marketing";

    EventType<CampaignDetails> CAMPAIGN_CREATED = EventType.of(PREFIX, "campaign", "created", CampaignDetails.class,
            1, "A campaign was created");
    EventType<CampaignDetails> CAMPAIGN_CHANGED = EventType.of(PREFIX, "campaign", "changed", CampaignDetails.class,
            1, "A campaign's name, status, dates, budget or cost changed");
    EventType<TouchDetails> TOUCH_RECORDED = EventType.of(PREFIX, "touch", "recorded", TouchDetails.class, 1,
            "A person's interaction with a campaign was recorded, with the time it happened");
    EventType<ScoreDetails> LEAD_QUALIFIED = EventType.of(PREFIX, "score", "qualified", ScoreDetails.class, 1,
            "A lead's score reached the threshold: the lead is marketing-qualified (once per crossing)");
    EventType<ScoreDetails> LEAD_UNQUALIFIED = EventType.of(PREFIX, "score", "unqualified", ScoreDetails.class, 1,
            "A lead's score fell below the threshold, as its touches aged or the rules changed (once per crossing)");

    EventType<ListDetails> LIST_CREATED = EventType.of(PREFIX, "mailing-list", "created", ListDetails.class, 1,
            "A mailing list was created");
    EventType<SubscriptionDetails> SUBSCRIPTION_CHANGED = EventType.of(PREFIX, "subscription", "changed",
            SubscriptionDetails.class, 1, "A person subscribed to a list, was asked to confirm, confirmed or"
                    + " unsubscribed, with the source of the change (consent evidence); id list:email");
    EventType<SuppressionDetails> SUPPRESSION_CHANGED = EventType.of(PREFIX, "suppression", "changed",
            SuppressionDetails.class, 1, "An address was suppressed for every send (opt-out, hard bounce) or may"
                    + " receive marketing mail again after a confirmed subscription; id the address");

    EventType<FormDetails> FORM_CREATED = EventType.of(PREFIX, "web-form", "created", FormDetails.class, 1,
            "A web form was created (its key is never in an event)");

    Set<EventType<?>> ALL = Set.of(CAMPAIGN_CREATED, CAMPAIGN_CHANGED, TOUCH_RECORDED, LEAD_QUALIFIED,
            LEAD_UNQUALIFIED, LIST_CREATED, SUBSCRIPTION_CHANGED, SUPPRESSION_CHANGED, FORM_CREATED);

    Set<RecordType> OWNS = Set.of(CAMPAIGN_CREATED.recordType(), TOUCH_RECORDED.recordType(),
            LEAD_QUALIFIED.recordType(), LIST_CREATED.recordType(), SUBSCRIPTION_CHANGED.recordType(),
            SUPPRESSION_CHANGED.recordType(), FORM_CREATED.recordType());
}
