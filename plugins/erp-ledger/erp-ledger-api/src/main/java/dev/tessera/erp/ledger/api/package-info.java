/**
 * The general ledger's contract: chart of accounts, journal entries (posted entries are immutable; corrections are
 * reversals), fiscal periods, exchange rates and reports. Other modules post through {@link LedgerService#post},
 * idempotently per source document.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.erp.ledger.api;
