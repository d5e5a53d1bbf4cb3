/** Marketing's events: their types ({@link dev.tessera.crm.marketing.api.event.MarketingEvents}) and payloads. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.crm.marketing.api.event;
