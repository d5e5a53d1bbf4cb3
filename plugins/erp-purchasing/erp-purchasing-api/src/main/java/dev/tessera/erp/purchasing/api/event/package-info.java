/** Purchasing's events: their types ({@link dev.tessera.erp.purchasing.api.event.PurchasingEvents}) and payloads. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.tessera.erp.purchasing.api.event;
