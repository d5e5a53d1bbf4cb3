package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Goods received against a purchase order, with what each line brought into stock. */
public record GoodsReceipt(long id, long orderId, String orderNumber, String currency, List<ReceivedLine> lines,
                           BigDecimal value, LocalDate receivedOn, Instant receivedAt, String receivedBy) {
    public GoodsReceipt {
        lines = List.copyOf(lines);
    }
}
