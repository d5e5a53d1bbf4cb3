package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A posting on an account's ledger with the balance after it (debit positive). */
public record LedgerLine(long entryId, String number, LocalDate date, String description, BigDecimal debit,
                         BigDecimal credit, BigDecimal balance) {
}
