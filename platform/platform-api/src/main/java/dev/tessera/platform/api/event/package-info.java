/**
 * Domain events: every owner publishes a change event for each create, update and delete of its records, in the
 * same transaction as the change, and subscribers keep their copies from them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.platform.api.event;
