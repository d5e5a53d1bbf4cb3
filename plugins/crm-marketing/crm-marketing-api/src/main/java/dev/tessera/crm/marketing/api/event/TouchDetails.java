package dev.tessera.crm.marketing.api.event;

import java.time.Instant;

import dev.tessera.crm.marketing.api.TouchKind;

/** A recorded touch as its event tells it. */
public record TouchDetails(long id, String campaign, String email, Long leadId, TouchKind kind, Instant occurredAt,
                           String source) {
}
