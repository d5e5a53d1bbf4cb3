package dev.tessera.erp.sales.api.event;

import java.math.BigDecimal;
import java.util.List;

/**
 * A shipment of an order's stock lines, as {@code sales.shipment.created} tells it.
 *
 * @param cost     what the shipped goods cost, as the inventory valued them
 * @param complete whether the order is shipped in full with it
 */
public record ShipmentDetails(long id, String number, long orderId, String orderNumber, List<Line> lines,
                              BigDecimal cost, boolean complete) {

    /** One shipped order line: how much of which item left which warehouse, at what cost. */
    public record Line(int line, String sku, BigDecimal quantity, String warehouse, BigDecimal cost) {
    }
}
