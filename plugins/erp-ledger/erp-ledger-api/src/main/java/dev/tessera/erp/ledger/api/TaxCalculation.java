package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;
import java.util.List;

/** The tax of a document: per line, per code, and the document's net, tax and gross totals. */
public record TaxCalculation(String currency, List<TaxedLine> lines, List<TaxTotal> totals, BigDecimal net,
                             BigDecimal tax, BigDecimal gross) {
}
