package dev.tessera.crm.pipeline.api.event;

import java.util.Set;

import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/** The record types the sales pipeline owns and the events it publishes about them. */
public interface PipelineEvents {
    String PREFIX = "pipeline";

    EventType<AccountDetails> ACCOUNT_CREATED = EventType.of(PREFIX, "account", "created", AccountDetails.class, 1,
            "An account (a customer or prospect company) was created");
    EventType<AccountDetails> ACCOUNT_UPDATED = EventType.of(PREFIX, "account", "updated", AccountDetails.class, 1,
            "An account's relationship fields changed");
    EventType<ContactDetails> CONTACT_CREATED = EventType.of(PREFIX, "contact", "created", ContactDetails.class, 1,
            "A contact person was added to an account");
    EventType<ContactDetails> CONTACT_UPDATED = EventType.of(PREFIX, "contact", "updated", ContactDetails.class, 1,
            "A contact person changed");
    EventType<LeadDetails> LEAD_CREATED = EventType.of(PREFIX, "lead", "created", LeadDetails.class, 1,
            "A lead was captured");
    EventType<LeadDetails> LEAD_QUALIFIED = EventType.of(PREFIX, "lead", "qualified", LeadDetails.class, 1,
            "A lead was qualified into an account, a contact and an opportunity");
    EventType<LeadDetails> LEAD_MERGED = EventType.of(PREFIX, "lead", "merged", LeadDetails.class, 1,
            "A duplicate lead was merged into another");
    EventType<LeadDetails> LEAD_DISQUALIFIED = EventType.of(PREFIX, "lead", "disqualified", LeadDetails.class, 1,
            "A lead was disqualified, with the reason");
    EventType<OpportunityDetails> OPPORTUNITY_CREATED = EventType.of(PREFIX, "opportunity", "created",
            OpportunityDetails.class, 1, "A deal was opened");
    EventType<OpportunityDetails> OPPORTUNITY_STAGE_CHANGED = EventType.of(PREFIX, "opportunity", "stage-changed",
            OpportunityDetails.class, 1, "A deal moved to another stage");
    EventType<OpportunityDetails> OPPORTUNITY_WON = EventType.of(PREFIX, "opportunity", "won",
            OpportunityDetails.class, 1, "A deal was won");
    EventType<OpportunityDetails> OPPORTUNITY_LOST = EventType.of(PREFIX, "opportunity", "lost",
            OpportunityDetails.class, 1, "A deal was lost, with the reason");
    EventType<ActivityDetails> ACTIVITY_CREATED = EventType.of(PREFIX, "activity", "created", ActivityDetails.class,
            1, "A call, meeting, e-mail, note or task was logged");
    EventType<ActivityDetails> ACTIVITY_COMPLETED = EventType.of(PREFIX, "activity", "completed",
            ActivityDetails.class, 1, "A task was done");
    EventType<QuoteDetails> QUOTE_CREATED = EventType.of(PREFIX, "quote", "created", QuoteDetails.class, 1,
            "A quote (or a new revision of one) was made");
    EventType<QuoteDetails> QUOTE_ACCEPTED = EventType.of(PREFIX, "quote", "accepted", QuoteDetails.class, 1,
            "The customer accepted a quote: the deal is won and sales makes the order");
    EventType<QuoteDetails> QUOTE_REJECTED = EventType.of(PREFIX, "quote", "rejected", QuoteDetails.class, 1,
            "The customer rejected a quote");

    Set<RecordType> OWNS = Set.of(ACCOUNT_CREATED.recordType(), CONTACT_CREATED.recordType(),
            LEAD_CREATED.recordType(), OPPORTUNITY_CREATED.recordType(), ACTIVITY_CREATED.recordType(),
            QUOTE_CREATED.recordType());

    Set<EventType<?>> ALL = Set.of(ACCOUNT_CREATED, ACCOUNT_UPDATED, CONTACT_CREATED, CONTACT_UPDATED, LEAD_CREATED,
            LEAD_QUALIFIED, LEAD_MERGED, LEAD_DISQUALIFIED, OPPORTUNITY_CREATED, OPPORTUNITY_STAGE_CHANGED,
            OPPORTUNITY_WON, OPPORTUNITY_LOST, ACTIVITY_CREATED, ACTIVITY_COMPLETED, QUOTE_CREATED, QUOTE_ACCEPTED,
            QUOTE_REJECTED);
}
