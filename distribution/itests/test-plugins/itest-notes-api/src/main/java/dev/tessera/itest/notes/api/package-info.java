/** Services of the notes test modules: a module with tables that publishes typed events and a subscriber to them. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.tessera.itest.notes.api;
