package dev.tessera.crm.marketing.api;

/** A new form and its key, shown this once: only its hash is kept. */
public record WebFormCreated(WebForm form, String key) {
}
