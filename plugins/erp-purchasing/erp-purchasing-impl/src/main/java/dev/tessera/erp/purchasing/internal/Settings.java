package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.util.Currency;

/** Purchasing's configuration, checked: a wrong setting stops the component with a message saying which. */
record Settings(Currency currency, int paymentTermsDays, int leadTimeDays, BigDecimal approvalAbove,
                BigDecimal receiptTolerancePercent, BigDecimal billPriceTolerancePercent) {

    static Settings of(PurchasingConfig config) {
        Currency currency;
        try {
            currency = Currency.getInstance(config.currency().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency: '" + config.currency() + "' is not an ISO 4217 code");
        }
        if (config.paymentTermsDays() < 0 || config.paymentTermsDays() > 365) {
            throw new IllegalArgumentException("paymentTermsDays must be 0 to 365");
        }
        if (config.leadTimeDays() < 0 || config.leadTimeDays() > 365) {
            throw new IllegalArgumentException("leadTimeDays must be 0 to 365");
        }
        BigDecimal above = decimal("approvalAbove", config.approvalAbove());
        BigDecimal tolerance = decimal("receiptTolerancePercent", config.receiptTolerancePercent());
        if (tolerance.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("receiptTolerancePercent must be 0 to 100");
        }
        BigDecimal priceTolerance = decimal("billPriceTolerancePercent", config.billPriceTolerancePercent());
        if (priceTolerance.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("billPriceTolerancePercent must be 0 to 100");
        }
        return new Settings(currency, config.paymentTermsDays(), config.leadTimeDays(), above, tolerance,
                priceTolerance);
    }

    private static BigDecimal decimal(String name, String value) {
        try {
            BigDecimal d = new BigDecimal(value.trim());
            if (d.signum() < 0) {
                throw new IllegalArgumentException(name + " must be zero or more, not " + value);
            }
            return d;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a number such as 5000");
        }
    }
}
