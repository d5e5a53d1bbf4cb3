package dev.tessera.erp.inventory.api;

import java.time.LocalDate;

/** Selling prices in one currency, valid between two dates (open-ended when null), for a customer group or all. */
public record PriceList(String code, String name, String currency, LocalDate validFrom, LocalDate validTo,
                        String customerGroup) {
}
