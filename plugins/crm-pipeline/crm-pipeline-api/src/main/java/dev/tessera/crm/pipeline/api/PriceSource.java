package dev.tessera.crm.pipeline.api;

/** Where a quote line's price came from: the inventory's catalog, or typed in (an unverified price). */
public enum PriceSource {
    CATALOG, MANUAL
}
