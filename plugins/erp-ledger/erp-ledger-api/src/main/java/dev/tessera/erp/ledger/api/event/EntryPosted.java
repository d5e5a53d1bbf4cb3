package dev.tessera.erp.ledger.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A posted journal entry, as {@code ledger.journal-entry.posted} tells it.
 *
 * @param number          the entry's number, e.g. {@code JE-2026-000012}
 * @param date            the day it is booked on
 * @param description     what it records
 * @param currency        the base currency its lines balance in
 * @param total           the sum of its debits (equal to its credits)
 * @param lines           how many lines it has
 * @param sourceModule    the event prefix of the module whose document it books, or null for a manual entry
 * @param sourceReference that document's reference, or null
 * @param reverses        the id of the entry it reverses, or null
 */
public record EntryPosted(String number, LocalDate date, String description, String currency, BigDecimal total,
                          int lines, String sourceModule, String sourceReference, Long reverses) {
}
