package dev.tessera.crm.pipeline.api;

/** OPEN leads are worked; QUALIFIED became an account, contact and opportunity; MERGED went into another lead. */
public enum LeadStatus {
    OPEN, QUALIFIED, DISQUALIFIED, MERGED
}
