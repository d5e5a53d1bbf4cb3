package dev.tessera.crm.marketing.api;

/** Why an address receives no marketing mail at all. */
public enum SuppressionReason {
    /** The person opted out of all marketing mail. */
    OPT_OUT,
    /** A mail to the address bounced for good: the mailbox does not exist. */
    HARD_BOUNCE
}
