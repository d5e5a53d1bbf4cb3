package dev.tessera.erp.ledger.api.event;

/**
 * An entry that a later entry reversed, as {@code ledger.journal-entry.reversed} tells it (about the original).
 *
 * @param number     the original entry's number
 * @param reversal   the reversing entry's number
 * @param reversalId the reversing entry's id
 */
public record EntryReversed(String number, String reversal, long reversalId) {
}
