package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Revenue and expenses from {@code from} to {@code to}, year-end closing entries left out. */
public record ProfitAndLoss(LocalDate from, LocalDate to, String currency, List<StatementLine> revenue,
                            List<StatementLine> expenses, BigDecimal totalRevenue, BigDecimal totalExpenses,
                            BigDecimal netIncome) {
}
