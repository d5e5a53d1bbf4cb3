package dev.tessera.erp.sales.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.tessera.erp.sales.api.OrderStatus;

/**
 * A sales order, as {@code sales.sales-order.*} tells it.
 *
 * @param opportunityId the deal it was won from, or null
 * @param quoteId       the accepted quote it was made of, or null for an order entered directly
 * @param note          what the order says about itself: why it is held or cancelled, what was skipped
 * @param lines         its lines with what is shipped of them (since 1.1; null in events published before, which
 *                      did not tell them)
 */
public record OrderDetails(long id, String number, long accountId, String customer, Long opportunityId, Long quoteId,
                           String quoteNumber, OrderStatus status, String currency, BigDecimal net, BigDecimal tax,
                           BigDecimal gross, boolean taxCalculated, LocalDate date, String note, List<Line> lines) {
    public OrderDetails {
        lines = lines == null ? null : List.copyOf(lines);
    }

    /** An order without its lines, as events told it before 1.1. */
    public OrderDetails(long id, String number, long accountId, String customer, Long opportunityId, Long quoteId,
                        String quoteNumber, OrderStatus status, String currency, BigDecimal net, BigDecimal tax,
                        BigDecimal gross, boolean taxCalculated, LocalDate date, String note) {
        this(id, number, accountId, customer, opportunityId, quoteId, quoteNumber, status, currency, net, tax, gross,
                taxCalculated, date, note, null);
    }

    /**
     * One order line: the item ({@code sku}, null for a line that is not a catalog item), how much is ordered and
     * shipped, and whether it is stocked (reserved and shipped from {@code warehouse}).
     */
    public record Line(int line, String sku, BigDecimal quantity, BigDecimal shipped, boolean stocked,
                       String warehouse) {
    }
}
