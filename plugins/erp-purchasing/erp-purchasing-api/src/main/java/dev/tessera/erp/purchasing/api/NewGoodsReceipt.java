package dev.tessera.erp.purchasing.api;

import java.util.List;

/** Goods that arrived for an order: at least one line; {@code warehouse} is the default of its lines. */
public record NewGoodsReceipt(List<ReceiveLine> lines, String warehouse) {
}
