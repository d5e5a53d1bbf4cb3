package dev.tessera.crm.pipeline.api;

import java.time.Instant;

/** One step in an opportunity's stage history ({@code from} is null for the first). */
public record StageChange(String from, String to, Instant at, String actor) {
}
