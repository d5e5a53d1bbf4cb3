package dev.tessera.erp.purchasing.api.event;

/** A vendor, as {@code purchasing.vendor.created}, {@code .changed} and {@code .deactivated} tell it. */
public record VendorDetails(long id, String code, String name, String currency, int paymentTermsDays, String taxId,
                            int leadTimeDays, String contactName, String contactEmail, boolean active) {
}
