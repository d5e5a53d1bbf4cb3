package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;

/** A document line to tax: its amount (net, or gross for an inclusive code) and its tax code. */
public record TaxableLine(BigDecimal amount, String taxCode) {
}
