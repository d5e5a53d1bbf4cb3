package dev.tessera.erp.sales.api;

import java.time.Instant;
import java.util.List;

/** Goods that left for the customer, numbered {@code SH-2026-000001}. */
public record Shipment(long id, String number, long orderId, List<ShippedLine> lines, Instant shippedAt,
                       String shippedBy) {
    public Shipment {
        lines = List.copyOf(lines);
    }
}
