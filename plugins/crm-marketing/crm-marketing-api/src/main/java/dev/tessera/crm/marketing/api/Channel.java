package dev.tessera.crm.marketing.api;

/** Where a campaign reaches people. */
public enum Channel {
    EMAIL, PAID_SEARCH, SOCIAL, DISPLAY, EVENT, REFERRAL, OTHER
}
