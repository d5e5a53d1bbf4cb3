package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;

/**
 * A line of a vendor bill and how it matched. A stock line matches three ways: the billed quantity is at most what
 * was received and not billed yet ({@code quantityMatched}), and the price is within the price tolerance of the
 * order's ({@code priceMatched}). A non-stock line matches two ways: its quantity against what was ordered and not
 * billed yet. {@code holdReason} says what did not match, null for a matched line.
 * <p>
 * Once the bill is posted: {@code receivedValue} is the billed quantity at the order's price, the goods received not
 * invoiced it clears (for a non-stock line, zero: its {@code net} is an expense); the price difference
 * ({@code net - receivedValue}) went partly to the stock still on hand ({@code stockRevaluation}) and the rest to
 * purchase price variance ({@code priceVariance}).
 */
public record VendorBillLine(int line, int orderLine, String sku, String description, BigDecimal quantity,
                             BigDecimal unitPrice, BigDecimal orderPrice, BigDecimal net, String taxCode,
                             BigDecimal tax, BigDecimal gross, boolean quantityMatched, boolean priceMatched,
                             String holdReason, BigDecimal receivedValue, BigDecimal stockRevaluation,
                             BigDecimal priceVariance) {

    /** Whether it bills an item received into stock (three-way match) rather than a non-stock line. */
    public boolean stocked() {
        return sku != null;
    }

    public boolean matched() {
        return quantityMatched && priceMatched;
    }
}
