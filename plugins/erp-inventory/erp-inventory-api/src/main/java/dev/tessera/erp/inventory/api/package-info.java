/**
 * The inventory's contract: items and prices ({@link Catalog}), warehouses, stock moves, reservations, valuation,
 * revaluation of received stock and the supply incoming from purchase orders ({@link StockService}). Stock is an append-only ledger of moves; on hand never goes negative and
 * nothing is reserved or issued beyond what is available.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package dev.tessera.erp.inventory.api;
