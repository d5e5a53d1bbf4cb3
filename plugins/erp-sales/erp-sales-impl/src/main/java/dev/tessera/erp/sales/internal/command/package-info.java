/** The sales:* console commands. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.erp.sales.internal.command")
package dev.tessera.erp.sales.internal.command;
