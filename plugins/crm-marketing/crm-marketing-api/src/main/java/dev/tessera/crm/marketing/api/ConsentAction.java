package dev.tessera.crm.marketing.api;

/** What one entry of an address's consent history records. */
public enum ConsentAction {
    /** Subscribed to a list without a confirmation. */
    SUBSCRIBED,
    /** Asked to subscribe; a confirmation mail went out. */
    CONFIRMATION_REQUESTED,
    /** Confirmed a subscription through the mailed link. */
    CONFIRMED,
    /** Ended one list's subscription. */
    UNSUBSCRIBED,
    /** Opted out of all marketing mail. */
    OPTED_OUT,
    /** A mail bounced for good. */
    HARD_BOUNCED,
    /** The address may receive marketing mail again, after a confirmed subscription. */
    SUPPRESSION_LIFTED
}
