/** Webhooks: subscriptions, fan-out of committed events into a delivery queue, signed HTTP delivery. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "platform-webhooks;changelog=db/webhooks-changelog.xml")
package dev.tessera.platform.webhooks.internal;
