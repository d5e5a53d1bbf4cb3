package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Assets, liabilities and equity as of a date. {@code currentEarnings} is the profit not yet closed into retained
 * earnings; {@code balanced} says whether assets equal liabilities plus equity plus current earnings.
 */
public record BalanceSheet(LocalDate asOf, String currency, List<StatementLine> assets, List<StatementLine> liabilities,
                           List<StatementLine> equity, BigDecimal totalAssets, BigDecimal totalLiabilities,
                           BigDecimal totalEquity, BigDecimal currentEarnings, boolean balanced) {
}
