package dev.tessera.crm.marketing.api;

import java.time.Instant;

/**
 * An address no marketing mail is sent to, on any list, until its owner subscribes again and confirms it.
 */
public record Suppression(String email, SuppressionReason reason, String source, Instant since, String createdBy) {
}
