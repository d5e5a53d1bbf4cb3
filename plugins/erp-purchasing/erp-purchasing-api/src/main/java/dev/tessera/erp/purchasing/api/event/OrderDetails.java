package dev.tessera.erp.purchasing.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;

/**
 * A purchase order, as {@code purchasing.purchase-order.*} tells it. Its lines carry what the inventory needs to
 * keep the quantities incoming: per item, how much is ordered, how much arrived and when the rest is expected.
 *
 * @param revision   0 for the first version, + 1 for each change after approval
 * @param approvedBy who approved it, null while it is a draft
 * @param note       what the order says about itself: why it was cancelled, what was skipped
 */
public record OrderDetails(long id, String number, int revision, long vendorId, String vendorCode, String vendorName,
                           PurchaseOrderStatus status, String currency, LocalDate orderDate, BigDecimal net,
                           BigDecimal tax, BigDecimal gross, String createdBy, String approvedBy, String note,
                           List<Line> lines) {

    /**
     * One order line: {@code sku} null for a non-stock line; {@code ordered} and {@code received} in the item's unit.
     */
    public record Line(int line, String sku, String description, BigDecimal ordered, BigDecimal received,
                       BigDecimal unitPrice, BigDecimal net, LocalDate expectedDate, String warehouse) {
    }
}
