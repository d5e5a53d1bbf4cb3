package dev.tessera.erp.sales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sales order, numbered {@code SO-2026-000001}. {@code quoteId}/{@code quoteNumber} and {@code opportunityId} are
 * set for an order made from an accepted quote. {@code taxCalculated}: the lines carry tax worked out by the
 * ledger's engine (for the quote or when the order was entered), which its invoices split by quantity. {@code note} says what the order could not do (e.g. stock not
 * reserved because the inventory is not enabled, or why it is held as a draft).
 */
public record SalesOrder(long id, String number, long accountId, String customerName, Long opportunityId,
                         Long quoteId, String quoteNumber, OrderStatus status, String currency, List<OrderLine> lines,
                         BigDecimal net, BigDecimal tax, BigDecimal gross, boolean taxCalculated, String note,
                         LocalDate orderDate,
                         Instant createdAt, String createdBy) {
    public SalesOrder {
        lines = List.copyOf(lines);
    }
}
