package dev.tessera.crm.pipeline.api;

import java.math.BigDecimal;

/**
 * A priced, taxed quote line: {@code net} = quantity × unit price less the discount percentage. {@code available} is
 * the stock available to promise when the quote was made (null without the inventory); {@code stale} when the
 * catalog price changed since. {@code contractMonths}: a contract line's term.
 */
public record QuoteLine(int line, String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                        BigDecimal discountPercent, BigDecimal net, String taxCode, BigDecimal tax, BigDecimal gross,
                        PriceSource priceSource, String priceList, BigDecimal available, boolean stale,
                        Integer contractMonths) {
}
