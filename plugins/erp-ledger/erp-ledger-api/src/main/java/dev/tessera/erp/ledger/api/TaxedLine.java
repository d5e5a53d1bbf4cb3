package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;

/** A line with its tax worked out: net + tax = gross, each rounded to the currency's minor unit. */
public record TaxedLine(int line, String taxCode, BigDecimal net, BigDecimal tax, BigDecimal gross) {
}
