/**
 * Kernel contracts shared by every Tessera module: module descriptors and states, record ownership,
 * platform errors with stable codes, money, and health checks.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.tessera.platform.api;
