package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;

/**
 * A tax code, as quotes and invoices name it on their lines.
 *
 * @param rate              the percentage, e.g. 19 or 7.5
 * @param payableAccount    where tax charged on sales is credited (e.g. 2200 VAT payable)
 * @param receivableAccount where tax paid on purchases is debited (e.g. 1400 VAT receivable)
 * @param inclusive         whether amounts on lines with this code already include the tax (gross prices)
 * @param rounding          round each line's tax, or the document's total per code
 */
public record TaxCode(String code, String name, BigDecimal rate, String payableAccount, String receivableAccount,
                      boolean inclusive, TaxRounding rounding, boolean active) {
}
