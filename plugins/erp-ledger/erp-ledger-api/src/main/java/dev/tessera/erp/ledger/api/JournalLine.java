package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;

/**
 * A posted line. {@code debit} and {@code credit} are in the base currency (one of them zero); a foreign-currency
 * line also keeps its original {@code currency}, {@code foreignAmount} and the {@code rate} used.
 */
public record JournalLine(int line, String account, BigDecimal debit, BigDecimal credit, String currency,
                          BigDecimal foreignAmount, BigDecimal rate, String department, String project, String memo) {
}
