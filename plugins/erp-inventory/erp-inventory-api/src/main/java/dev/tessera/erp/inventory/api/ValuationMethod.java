package dev.tessera.erp.inventory.api;

/** How an item's stock is valued: first in first out, moving average, or a standard cost (variances apart). */
public enum ValuationMethod {
    FIFO, MOVING_AVERAGE, STANDARD
}
