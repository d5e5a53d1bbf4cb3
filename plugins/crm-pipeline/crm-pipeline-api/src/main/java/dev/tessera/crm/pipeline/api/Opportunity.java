package dev.tessera.crm.pipeline.api;

import java.time.Instant;
import java.time.LocalDate;

import dev.tessera.platform.api.Money;

/**
 * A deal. {@code stuck} when neither its stage nor an activity changed for the configured number of days.
 * {@code orderNumber}, {@code invoiceNumber} and {@code invoiceStatus} are read-only copies from the sales events.
 */
public record Opportunity(long id, long accountId, String name, String stage, int probability, Money amount,
                          LocalDate expectedClose, String owner, String source, OpportunityStatus status,
                          String closeReason, LocalDate closedOn, Instant stageChangedAt, Instant lastActivityAt,
                          boolean stuck, Long renewalOf, String orderNumber, String invoiceNumber,
                          String invoiceStatus, long version) {
}
