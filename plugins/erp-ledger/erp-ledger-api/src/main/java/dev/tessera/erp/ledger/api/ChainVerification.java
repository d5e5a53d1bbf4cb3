package dev.tessera.erp.ledger.api;

/**
 * The result of recomputing the hash chain of posted entries: {@code intact}, or the number of the first entry
 * whose stored content no longer matches its hash (changed outside Tessera), with what differs.
 */
public record ChainVerification(int entriesChecked, boolean intact, String firstAltered, String detail) {
}
