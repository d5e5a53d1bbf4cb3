package dev.tessera.erp.sales.internal;

import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/** Sales' configuration, checked: a wrong setting stops the component with a message saying which. */
record Settings(Currency currency, int paymentTermsDays, String defaultTaxCode, List<String> warehouses,
                int overdueCheckMinutes) {

    static Settings of(SalesConfig config) {
        Currency currency;
        try {
            currency = Currency.getInstance(config.currency().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency: '" + config.currency() + "' is not an ISO 4217 code");
        }
        if (config.paymentTermsDays() < 0 || config.paymentTermsDays() > 365) {
            throw new IllegalArgumentException("paymentTermsDays must be 0 to 365");
        }
        List<String> warehouses = Arrays.stream(config.warehouses().split(",")).map(String::trim)
                .filter(w -> !w.isEmpty()).toList();
        return new Settings(currency, config.paymentTermsDays(), config.defaultTaxCode().trim(), warehouses,
                Math.max(0, config.overdueCheckMinutes()));
    }
}
