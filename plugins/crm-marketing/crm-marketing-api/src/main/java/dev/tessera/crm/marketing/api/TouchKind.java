package dev.tessera.crm.marketing.api;

/** How a person interacted with a campaign. */
public enum TouchKind {
    FORM_FILL, EMAIL_OPEN, EMAIL_CLICK, PAGE_VISIT, EVENT_ATTENDANCE
}
