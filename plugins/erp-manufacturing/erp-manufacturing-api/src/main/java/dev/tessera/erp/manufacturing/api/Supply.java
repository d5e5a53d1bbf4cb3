package dev.tessera.erp.manufacturing.api;

/**
 * How a component is supplied: MADE from its own bill of materials, PHANTOM (its bill explodes into the parent's),
 * or BOUGHT (no bill of materials in force).
 */
public enum Supply {
    MADE, PHANTOM, BOUGHT
}
