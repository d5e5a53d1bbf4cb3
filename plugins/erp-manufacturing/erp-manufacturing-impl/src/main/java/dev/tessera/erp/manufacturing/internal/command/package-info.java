/** The manufacturing:* console commands. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.erp.manufacturing.internal.command")
package dev.tessera.erp.manufacturing.internal.command;
