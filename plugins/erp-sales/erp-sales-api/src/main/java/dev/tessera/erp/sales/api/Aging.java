package dev.tessera.erp.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Open receivables by days past due as of a date, per customer and currency: not yet due, 1–30, 31–60, 61–90 and
 * more than 90 days; {@code credit} is the customer's unallocated payments.
 */
public record Aging(LocalDate asOf, List<Row> rows) {
    public Aging {
        rows = List.copyOf(rows);
    }

    /** One customer in one currency. */
    public record Row(long accountId, String customer, String currency, BigDecimal current, BigDecimal days1to30,
                      BigDecimal days31to60, BigDecimal days61to90, BigDecimal over90, BigDecimal total,
                      BigDecimal credit) {
    }
}
