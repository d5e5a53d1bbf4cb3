package dev.tessera.erp.ledger.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A journal entry to post. {@code sourceModule} and {@code sourceReference} name the document it records (e.g.
 * {@code erp-sales}, {@code INV-2026-000042}); posting the same source twice returns the entry of the first time.
 * A manual entry may leave both null.
 */
public record PostingRequest(LocalDate date, String description, String sourceModule, String sourceReference,
                             List<PostingLine> lines) {
}
