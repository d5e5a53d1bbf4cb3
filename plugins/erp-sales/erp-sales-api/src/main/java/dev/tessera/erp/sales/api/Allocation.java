package dev.tessera.erp.sales.api;

import java.math.BigDecimal;

/** The part of a payment applied to one invoice. */
public record Allocation(long invoiceId, String invoiceNumber, BigDecimal amount) {
}
