/** The {@code tessera:*} console commands; thin: they parse, call a platform service and print. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.platform.shell.internal")
package dev.tessera.platform.shell.internal;
