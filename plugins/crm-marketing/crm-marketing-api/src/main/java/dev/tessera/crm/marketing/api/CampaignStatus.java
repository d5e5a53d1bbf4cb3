package dev.tessera.crm.marketing.api;

/** A campaign's life: planned, then active (paused and active again), completed or cancelled. */
public enum CampaignStatus {
    PLANNED, ACTIVE, PAUSED, COMPLETED, CANCELLED
}
