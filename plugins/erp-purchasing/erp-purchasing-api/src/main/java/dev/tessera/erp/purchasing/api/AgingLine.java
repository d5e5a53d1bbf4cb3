package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;

/**
 * What purchasing owes one vendor in one currency on a day, by how long past the due date: not due yet, 1 to 30,
 * 31 to 60, 61 to 90 and over 90 days overdue.
 */
public record AgingLine(long vendorId, String vendorCode, String vendorName, String currency, BigDecimal notDue,
                        BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90,
                        BigDecimal total) {
}
