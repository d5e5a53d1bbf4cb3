/** Console commands of the listener test module. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.itest.listener.internal.command")
package dev.tessera.itest.listener.internal.command;
