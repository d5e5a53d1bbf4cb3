package dev.tessera.erp.purchasing.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.tessera.erp.purchasing.api.BillStatus;

/**
 * A vendor bill, as {@code purchasing.vendor-bill.*} tells it, with what the ledger books when it is posted:
 * {@code receivedValue} (goods received not invoiced cleared, at the order's prices), {@code stockRevaluation} (the
 * price difference taken into the stock still on hand), {@code priceVariance} (the rest of the difference),
 * {@code expense} (the non-stock lines), {@code tax}, against {@code gross} owed. The first four and {@code tax}
 * add up to {@code gross}; a revaluation or variance below zero is a price that went down.
 *
 * @param status       held, open (posted), partially paid, paid or cancelled
 * @param holdReasons  why it is held, a line each; empty once matched or released
 * @param releasedBy   who released it from hold, null when it matched on entry
 * @param releaseNote  why it was released
 */
public record BillDetails(long id, String number, long vendorId, String vendorCode, String vendorName,
                          String vendorReference, long orderId, String orderNumber, BillStatus status,
                          String currency, LocalDate billDate, LocalDate dueDate, BigDecimal net, BigDecimal tax,
                          BigDecimal gross, BigDecimal receivedValue, BigDecimal stockRevaluation,
                          BigDecimal priceVariance, BigDecimal expense, BigDecimal open, List<String> holdReasons,
                          String releasedBy, String releaseNote, List<Line> lines) {

    /** One bill line: the order line it bills, quantity, price against the order's, and whether it matched. */
    public record Line(int line, int orderLine, String sku, String description, BigDecimal quantity,
                       BigDecimal unitPrice, BigDecimal orderPrice, BigDecimal net, BigDecimal tax, boolean matched,
                       String holdReason) {
    }
}
