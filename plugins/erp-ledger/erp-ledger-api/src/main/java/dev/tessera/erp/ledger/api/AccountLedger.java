package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An account's postings from {@code from} to {@code to} with running balance, between opening and closing. */
public record AccountLedger(Account account, LocalDate from, LocalDate to, BigDecimal opening, List<LedgerLine> lines,
                            BigDecimal closing) {
}
