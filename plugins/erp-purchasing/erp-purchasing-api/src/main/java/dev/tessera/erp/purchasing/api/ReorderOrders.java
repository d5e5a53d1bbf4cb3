package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.util.List;

/** The draft orders made of the reorder suggestions, and the suggested items no vendor could be found for. */
public record ReorderOrders(List<PurchaseOrder> orders, List<Unsourced> unsourced) {
    public ReorderOrders {
        orders = List.copyOf(orders);
        unsourced = List.copyOf(unsourced);
    }

    /** A suggested item left out, and why. */
    public record Unsourced(String sku, BigDecimal quantity, String reason) {
    }
}
