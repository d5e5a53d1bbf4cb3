/** Console commands for webhooks: list, deliveries, resume. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.platform.webhooks.internal.command")
package dev.tessera.platform.webhooks.internal.command;
