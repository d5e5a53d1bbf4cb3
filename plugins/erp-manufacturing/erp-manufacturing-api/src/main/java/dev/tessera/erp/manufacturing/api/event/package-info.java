/** Manufacturing's events: their types ({@link dev.tessera.erp.manufacturing.api.event.ManufacturingEvents}) and payloads. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.erp.manufacturing.api.event;
