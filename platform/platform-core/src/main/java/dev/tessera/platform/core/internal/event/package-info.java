/**
 * The transactional outbox, the dispatcher with durable subscriber cursors, dead letters, and number series.
 * The kernel's tables are migrated like any module's, under the module id {@code platform}.
 */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "platform;changelog=db/platform-changelog.xml")
package dev.tessera.platform.core.internal.event;
