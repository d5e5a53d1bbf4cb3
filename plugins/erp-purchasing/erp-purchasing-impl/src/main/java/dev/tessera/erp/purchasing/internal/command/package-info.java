/** The purchasing:* console commands. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.erp.purchasing.internal.command")
package dev.tessera.erp.purchasing.internal.command;
