/**
 * Persistence contracts of the kernel: per-module schema migrations and gap-free document numbering.
 * A module's implementation bundle declares its schema with the manifest header
 * {@code Tessera-Schema: <module-id>;changelog=<path of its Liquibase changelog>}; the kernel applies it when the
 * bundle starts and then registers a {@link dev.tessera.platform.api.persistence.ModuleSchema} service for it.
 * The changelog sets {@code logicalFilePath="<module-id>"}, so that its change sets keep their identity when the
 * file moves; applied change sets are never edited, every schema change is a new change set that keeps the data.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.platform.api.persistence;
