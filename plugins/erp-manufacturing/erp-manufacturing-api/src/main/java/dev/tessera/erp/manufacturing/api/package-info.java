/**
 * Manufacturing's contract: work centers with their cost rates and capacity ({@link WorkCenters}) and multi-level
 * bills of materials in immutable revisions, their explosion into requirements and their cost roll-up ({@link Boms}).
 * erp-manufacturing owns work centers and bills of materials; the items they name are the inventory's, and so are the
 * costs of bought components. Work orders ({@link WorkOrders}) make items through the stock ledger; material
 * requirements planning ({@link Mrp}) plans what to make and buy.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.erp.manufacturing.api;
