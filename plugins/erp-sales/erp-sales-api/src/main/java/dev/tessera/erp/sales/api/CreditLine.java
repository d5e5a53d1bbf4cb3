package dev.tessera.erp.sales.api;

import java.math.BigDecimal;

/** How much of an invoice line to credit. */
public record CreditLine(int line, BigDecimal quantity) {
}
