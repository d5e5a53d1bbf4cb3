package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;

/** The tax of one code over a document, with the account it posts to on a sale. */
public record TaxTotal(String taxCode, BigDecimal rate, BigDecimal net, BigDecimal tax, String payableAccount,
                       String receivableAccount) {
}
