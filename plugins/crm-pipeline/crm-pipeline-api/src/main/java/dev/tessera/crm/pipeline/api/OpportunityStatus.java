package dev.tessera.crm.pipeline.api;

/** Whether a deal is still being worked or was won or lost. */
public enum OpportunityStatus {
    OPEN, WON, LOST
}
