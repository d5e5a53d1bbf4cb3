/** Sales' events: their types ({@link dev.tessera.erp.sales.api.event.SalesEvents}) and payloads. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.tessera.erp.sales.api.event;
