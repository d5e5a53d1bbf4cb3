package dev.tessera.erp.purchasing.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Goods received against purchase orders. A receipt is one transaction with the inventory's stock moves of its item
 * lines and the {@code purchasing.purchase-order.received} event; receipts of one order are serialised, so however
 * many run at once a line never receives more than ordered plus the configured tolerance.
 */
@ProviderType
public interface GoodsReceipts {

    /** Receives goods on an approved, sent or partially received order. */
    GoodsReceipt receive(long orderId, NewGoodsReceipt receipt, String actor);

    /** The order's receipts, oldest first. */
    List<GoodsReceipt> receipts(long orderId);
}
