/** The marketing:* console commands. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.crm.marketing.internal.command")
package dev.tessera.crm.marketing.internal.command;
