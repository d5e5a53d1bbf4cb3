package dev.tessera.erp.purchasing.api;

/**
 * Changes to a vendor: a null field stays as it is, an empty text clears an optional one (tax id, contact). The
 * code never changes; the currency only while the vendor has no price agreement in force and no open order.
 */
public record VendorChanges(String name, String currency, Integer paymentTermsDays, String taxId,
                            Integer leadTimeDays, String contactName, String contactEmail) {
}
