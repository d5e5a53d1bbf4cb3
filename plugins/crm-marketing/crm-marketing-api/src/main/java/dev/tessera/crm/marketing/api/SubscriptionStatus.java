package dev.tessera.crm.marketing.api;

/** Where a person's subscription to one list stands. */
public enum SubscriptionStatus {
    /** Asked for, waiting for the person to confirm through the mailed link; nothing of the list is sent yet. */
    PENDING,
    /** Confirmed or given directly: the list's mails go to the address unless it is suppressed. */
    SUBSCRIBED,
    /** Ended by the person (or with a global opt-out): nothing of the list is sent. */
    UNSUBSCRIBED
}
