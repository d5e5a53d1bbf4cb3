package dev.tessera.crm.marketing.api.event;

/** A mailing list as its event tells it. */
public record ListDetails(String code, String name, String description, boolean doubleOptIn) {
}
