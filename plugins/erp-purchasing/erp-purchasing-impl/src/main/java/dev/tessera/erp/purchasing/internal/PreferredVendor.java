package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tessera.erp.purchasing.api.PriceAgreement;
import dev.tessera.erp.purchasing.api.Vendor;

/**
 * The vendor a reorder goes to: of the active vendors with an agreement for the item valid on the day that sells the
 * quantity, the one whose agreement prices it lowest, then the shorter lead time, then the vendor code. When no
 * agreement's minimum is reached, the quantity rises to the smallest minimum a vendor asks for (the cheapest of
 * those on a tie).
 */
final class PreferredVendor {

    /** The vendor, the quantity to order (raised to the agreement's minimum when needed) and its agreement. */
    record Choice(Vendor vendor, BigDecimal quantity, PriceAgreement agreement) {
        int leadTime() {
            return agreement.leadTimeDays() != null ? agreement.leadTimeDays() : vendor.leadTimeDays();
        }
    }

    private PreferredVendor() {
    }

    static Optional<Choice> choose(Map<Vendor, List<PriceAgreement>> agreements, BigDecimal quantity, LocalDate day) {
        List<Choice> choices = agreements.entrySet().stream().filter(e -> e.getKey().active())
                .map(e -> choice(e.getKey(), e.getValue(), quantity, day)).flatMap(Optional::stream).toList();
        Comparator<Choice> cheapest = Comparator.comparing((Choice c) -> c.agreement().price())
                .thenComparingInt(Choice::leadTime).thenComparing(c -> c.vendor().code());
        // a vendor that sells the quantity asked beats one that sells it only by buying more: the cheaper unit of a
        // larger minimum is not a saving on what is needed
        Optional<Choice> asAsked = choices.stream().filter(c -> c.quantity().compareTo(quantity) == 0).min(cheapest);
        if (asAsked.isPresent()) {
            return asAsked;
        }
        return choices.stream().min(Comparator.comparing(Choice::quantity).thenComparing(cheapest));
    }

    private static Optional<Choice> choice(Vendor vendor, List<PriceAgreement> agreements, BigDecimal quantity,
                                           LocalDate day) {
        Optional<PriceAgreement> best = PriceChoice.best(agreements, quantity, day);
        if (best.isPresent()) {
            return Optional.of(new Choice(vendor, quantity, best.get()));
        }
        return agreements.stream().filter(a -> a.validOn(day)).map(PriceAgreement::minQuantity)
                .min(Comparator.naturalOrder())
                .flatMap(min -> PriceChoice.best(agreements, min, day).map(a -> new Choice(vendor, min, a)));
    }
}
