package dev.tessera.erp.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A payment with how it was applied; {@code unallocated} is the customer's credit from it. */
public record Payment(long id, long accountId, BigDecimal amount, String currency, LocalDate receivedOn,
                      String reference, List<Allocation> allocations, BigDecimal unallocated) {
    public Payment {
        allocations = List.copyOf(allocations);
    }
}
