/**
 * Sales' contract: customers' billing terms ({@link Customers}), sales orders and shipments ({@link Orders}),
 * invoices, credit notes, payments and receivables aging ({@link Billing}). erp-sales owns these records; the ledger
 * books them from sales' events, the pipeline shows their numbers and status from the same events.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.erp.sales.api;
