package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Every account with a balance, in the base currency: cumulative up to {@code to} when {@code from} is null, or the
 * movements from {@code from} to {@code to}. The totals are equal when the books balance.
 */
public record TrialBalance(LocalDate from, LocalDate to, String currency, List<BalanceRow> rows,
                           BigDecimal totalDebit, BigDecimal totalCredit) {
}
