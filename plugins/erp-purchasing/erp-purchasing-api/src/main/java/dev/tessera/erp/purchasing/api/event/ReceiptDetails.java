package dev.tessera.erp.purchasing.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;

/**
 * Goods received against a purchase order, as {@code purchasing.purchase-order.received} tells it: what arrived
 * ({@code received}, valued at the order's unit prices in its currency) and the order's lines after it, with their
 * ordered and received quantities and expected dates.
 *
 * @param receiptId the goods receipt
 * @param date      the day the goods arrived
 * @param value     the value of what arrived
 * @param status    the order's status after it: partially received or received
 */
public record ReceiptDetails(long orderId, String orderNumber, long vendorId, String vendorCode, String vendorName,
                             String currency, LocalDate date, long receiptId, List<Received> received,
                             BigDecimal value, PurchaseOrderStatus status, List<OrderDetails.Line> lines) {

    /**
     * One received line: {@code sku} null for a non-stock line; {@code stockMoveId} the inventory's receipt move.
     */
    public record Received(int line, String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal value, String warehouse, Long stockMoveId) {
    }
}
