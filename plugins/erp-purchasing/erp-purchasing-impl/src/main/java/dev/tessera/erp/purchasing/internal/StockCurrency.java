package dev.tessera.erp.purchasing.internal;

import java.io.IOException;
import java.util.Dictionary;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The currency the inventory values stock in: its {@code currency} setting (etc/dev.tessera.erp.inventory.cfg,
 * EUR by default, as the inventory reads it). The inventory's API does not tell it, so it is read from the
 * configuration, never created or changed.
 */
final class StockCurrency {
    static final String INVENTORY_PID = "dev.tessera.erp.inventory";
    static final String DEFAULT = "EUR";

    private StockCurrency() {
    }

    static String of(ConfigurationAdmin config) {
        if (config == null) {
            return DEFAULT;
        }
        try {
            Configuration[] found = config.listConfigurations("(service.pid=" + INVENTORY_PID + ")");
            if (found == null || found.length == 0) {
                return DEFAULT;
            }
            Dictionary<String, Object> properties = found[0].getProperties();
            Object currency = properties == null ? null : properties.get("currency");
            return currency == null || currency.toString().isBlank() ? DEFAULT : currency.toString().trim();
        } catch (IOException | InvalidSyntaxException e) {
            return DEFAULT;
        }
    }
}
