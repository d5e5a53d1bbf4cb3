package dev.tessera.erp.ledger.api;

/** OPEN takes postings; CLOSED refuses them and may be reopened; LOCKED refuses them for good. */
public enum PeriodState {
    OPEN, CLOSED, LOCKED
}
