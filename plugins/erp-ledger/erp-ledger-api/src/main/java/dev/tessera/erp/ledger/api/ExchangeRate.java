package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** How many base-currency units one unit of {@code currency} is worth from {@code date} on. */
public record ExchangeRate(String currency, LocalDate date, BigDecimal rate) {
}
