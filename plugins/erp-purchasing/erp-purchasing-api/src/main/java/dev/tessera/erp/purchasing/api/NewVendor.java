package dev.tessera.erp.purchasing.api;

/**
 * A vendor to create: {@code code} and {@code name} are required; {@code currency}, {@code paymentTermsDays} and
 * {@code leadTimeDays} default to the configured ones (etc/dev.tessera.erp.purchasing.cfg); the rest is optional.
 */
public record NewVendor(String code, String name, String currency, Integer paymentTermsDays, String taxId,
                        Integer leadTimeDays, String contactName, String contactEmail) {
}
