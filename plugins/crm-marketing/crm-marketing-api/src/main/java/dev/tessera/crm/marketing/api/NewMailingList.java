package dev.tessera.crm.marketing.api;

/** A mailing list to create: code (upper-case letters, digits, hyphens), name, what it sends, double opt-in. */
public record NewMailingList(String code, String name, String description, Boolean doubleOptIn) {
}
