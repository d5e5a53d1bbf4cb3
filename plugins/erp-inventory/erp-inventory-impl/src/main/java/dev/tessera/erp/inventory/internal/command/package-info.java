/** The inventory:* console commands. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.erp.inventory.internal.command")
package dev.tessera.erp.inventory.internal.command;
