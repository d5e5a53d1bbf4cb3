package dev.tessera.crm.pipeline.api;

/** OPEN quotes can be accepted or rejected; a new revision SUPERSEDES the open one before it. */
public enum QuoteStatus {
    OPEN, ACCEPTED, REJECTED, SUPERSEDED
}
