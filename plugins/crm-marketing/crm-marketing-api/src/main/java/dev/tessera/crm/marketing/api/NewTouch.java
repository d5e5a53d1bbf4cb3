package dev.tessera.crm.marketing.api;

import java.time.Instant;

/**
 * A touch to record: the campaign's code, the person's e-mail address, the kind, when it happened (now when absent;
 * never in the future) and where it was seen (e.g. {@code website-tracker}).
 */
public record NewTouch(String campaign, String email, TouchKind kind, Instant occurredAt, String source) {
}
