/** The ledger:* console commands. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.erp.ledger.internal.command")
package dev.tessera.erp.ledger.internal.command;
