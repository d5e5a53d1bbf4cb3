package dev.tessera.crm.marketing.api;

import java.time.Instant;

/**
 * A recorded touch. {@code leadId} is the pipeline lead with that e-mail address when there is one; it is filled in
 * later when the lead comes after its touches.
 */
public record Touch(long id, String campaign, String email, Long leadId, TouchKind kind, Instant occurredAt,
                    Instant recordedAt, String source, String recordedBy) {
}
