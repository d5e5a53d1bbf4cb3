package dev.tessera.erp.inventory.api;

import java.util.List;

/** A warehouse and its locations (bins); every warehouse has the location {@code MAIN}. */
public record Warehouse(String code, String name, List<String> locations) {
}
