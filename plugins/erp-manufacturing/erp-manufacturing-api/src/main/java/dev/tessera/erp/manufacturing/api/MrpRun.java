package dev.tessera.erp.manufacturing.api;

import java.time.Instant;

/**
 * One MRP run: {@code itemsPlanned} of {@code items} catalog items netted so far (its progress while RUNNING), and
 * what it planned once FINISHED. {@code note} says what it could not take into account, or why it FAILED.
 */
public record MrpRun(long id, MrpRunStatus status, int items, int itemsPlanned, int plannedMake, int plannedBuy,
                     String note, Instant startedAt, Instant finishedAt, String startedBy) {
}
