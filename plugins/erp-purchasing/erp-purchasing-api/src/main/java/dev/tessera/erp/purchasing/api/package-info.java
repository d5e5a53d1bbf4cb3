/**
 * Purchasing's contract: vendors and their price agreements ({@link Vendors}), purchase orders with their approval
 * ({@link PurchaseOrders}), the goods received against them ({@link GoodsReceipts}), vendor bills matched three ways
 * ({@link VendorBills}) and the payments that settle them ({@link VendorPayments}). erp-purchasing owns vendors,
 * purchase orders, vendor bills and vendor payments; the inventory books the stock its receipts bring in, the ledger
 * posts receipts from the inventory's events and bills and payments from purchasing's.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.tessera.erp.purchasing.api;
