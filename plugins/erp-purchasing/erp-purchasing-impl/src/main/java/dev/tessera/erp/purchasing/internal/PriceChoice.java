package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import dev.tessera.erp.purchasing.api.PriceAgreement;

/**
 * Which of a vendor's agreements for an item prices an order line: one valid on the order date whose minimum quantity
 * is not above the line's quantity, the greatest such minimum first; among equals the one that started last, then
 * the one added last.
 */
final class PriceChoice {
    private static final Comparator<PriceAgreement> BEST = Comparator.comparing(PriceAgreement::minQuantity)
            .thenComparing(PriceAgreement::validFrom).thenComparingLong(PriceAgreement::id);

    private PriceChoice() {
    }

    static Optional<PriceAgreement> best(Collection<PriceAgreement> agreements, BigDecimal quantity, LocalDate day) {
        return agreements.stream().filter(a -> a.validOn(day)).filter(a -> a.minQuantity().compareTo(quantity) <= 0)
                .max(BEST);
    }
}
