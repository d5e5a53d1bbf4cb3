/**
 * Purchasing's contract: vendors and their price agreements ({@link Vendors}), purchase orders with their approval
 * ({@link PurchaseOrders}) and the goods received against them ({@link GoodsReceipts}). erp-purchasing owns vendors,
 * purchase orders, vendor bills and vendor payments; the inventory books the stock its receipts bring in, the ledger
 * posts them from the inventory's events.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.erp.purchasing.api;
