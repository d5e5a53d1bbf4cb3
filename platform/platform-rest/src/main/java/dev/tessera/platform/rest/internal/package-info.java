/** The REST application and its own table of idempotent results. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "platform-rest;changelog=db/rest-changelog.xml")
package dev.tessera.platform.rest.internal;
