package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A posted journal entry: immutable. {@code reverses} is the id of the entry it corrects, {@code reversedBy} the id
 * of its reversal, if any. {@code hash} chains it to the entry posted before it (see {@link LedgerService#verify}).
 */
public record JournalEntry(long id, String number, LocalDate date, String description, String sourceModule,
                           String sourceReference, Long reverses, Long reversedBy, String postedBy, Instant postedAt,
                           String currency, BigDecimal total, List<JournalLine> lines, String hash) {
}
