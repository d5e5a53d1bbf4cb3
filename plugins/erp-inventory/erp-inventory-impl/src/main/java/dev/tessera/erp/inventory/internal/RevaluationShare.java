package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of a receipt's price difference belongs to its stock still on hand: the fraction of the receipt not
 * issued yet (at most all of it), never lowering the stock's value below zero; the rest belongs to what was issued.
 */
final class RevaluationShare {

    /** The revalued units still on hand, the part of the amount that goes to them and the part that does not. */
    record Share(BigDecimal quantityOnHand, BigDecimal stockValue, BigDecimal issuedValue) {
    }

    private RevaluationShare() {
    }

    /**
     * @param receiptQuantity what the receipt brought in
     * @param stillOnHand     what of it is still on hand (the FIFO layer's quantity, or what the warehouse holds)
     * @param quantity        the units the bill revalues
     * @param amount          the signed difference for those units
     * @param layerValue      the value of the stock it changes, which may not go below zero
     * @param scale           the decimals of values
     */
    static Share of(BigDecimal receiptQuantity, BigDecimal stillOnHand, BigDecimal quantity, BigDecimal amount,
                    BigDecimal layerValue, int scale) {
        BigDecimal fraction = stillOnHand.signum() <= 0 ? BigDecimal.ZERO
                : stillOnHand.compareTo(receiptQuantity) >= 0 ? BigDecimal.ONE
                : stillOnHand.divide(receiptQuantity, 12, RoundingMode.HALF_UP);
        BigDecimal onHand = quantity.multiply(fraction).setScale(4, RoundingMode.HALF_UP);
        BigDecimal stock = amount.multiply(fraction).setScale(scale, RoundingMode.HALF_UP);
        if (stock.signum() < 0 && stock.negate().compareTo(layerValue) > 0) {
            stock = layerValue.max(BigDecimal.ZERO).negate().setScale(scale, RoundingMode.HALF_UP);
        }
        return new Share(StockServiceImpl.strip(onHand), stock, amount.setScale(scale, RoundingMode.HALF_UP)
                .subtract(stock));
    }
}
