package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.tessera.erp.purchasing.api.PurchaseOrderLine;

/**
 * Matches a bill line against its order line. A stock line matches three ways: it bills at most what was received
 * and not billed yet. A non-stock line matches two ways: at most what was ordered and not billed yet. Either way the
 * billed price must be within {@code tolerancePercent} of the order's, above or below.
 */
final class BillMatch {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** How the line matched; {@code reason} says what did not, null when it matched. */
    record Result(boolean quantityMatched, boolean priceMatched, String reason) {
        boolean matched() {
            return quantityMatched && priceMatched;
        }
    }

    private final BigDecimal tolerancePercent;

    BillMatch(BigDecimal tolerancePercent) {
        this.tolerancePercent = tolerancePercent;
    }

    /** What of the order line may still be billed, before the lines of this bill take their part. */
    static BigDecimal billable(PurchaseOrderLine line) {
        BigDecimal base = line.stocked() ? line.received() : line.quantity();
        return base.subtract(line.billed()).max(BigDecimal.ZERO);
    }

    /**
     * @param earlier  what earlier lines of the same bill bill of this order line
     * @param quantity what this line bills
     * @param price    the unit price it bills at
     */
    Result match(PurchaseOrderLine line, BigDecimal earlier, BigDecimal quantity, BigDecimal price) {
        BigDecimal left = billable(line).subtract(earlier).max(BigDecimal.ZERO);
        boolean quantityMatched = quantity.compareTo(left) <= 0;
        BigDecimal difference = price.subtract(line.unitPrice());
        BigDecimal allowed = line.unitPrice().multiply(tolerancePercent).divide(HUNDRED, 8, RoundingMode.HALF_UP);
        boolean priceMatched = difference.abs().compareTo(allowed) <= 0;
        StringBuilder reason = new StringBuilder();
        if (!quantityMatched) {
            reason.append(line.stocked()
                    ? "billed " + plain(quantity) + " but only " + plain(left) + " received and not billed yet"
                    + " (ordered " + plain(line.quantity()) + ", received " + plain(line.received()) + ", billed "
                    + plain(line.billed().add(earlier)) + ")"
                    : "billed " + plain(quantity) + " but only " + plain(left) + " ordered and not billed yet"
                    + " (ordered " + plain(line.quantity()) + ", billed " + plain(line.billed().add(earlier)) + ")");
        }
        if (!priceMatched) {
            BigDecimal percent = difference.abs().multiply(HUNDRED).divide(line.unitPrice(), 2, RoundingMode.HALF_UP);
            if (reason.length() > 0) {
                reason.append("; ");
            }
            reason.append("price ").append(plain(price)).append(" is ").append(plain(percent)).append(" % ")
                    .append(difference.signum() > 0 ? "above" : "below").append(" the order's ")
                    .append(plain(line.unitPrice())).append("; the price tolerance is ")
                    .append(plain(tolerancePercent)).append(" %");
        }
        return new Result(quantityMatched, priceMatched, reason.length() == 0 ? null : reason.toString());
    }

    private static String plain(BigDecimal value) {
        return Checks.plain(value);
    }
}
