/** Console commands of the notes test module. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.itest.notes.internal.command")
package dev.tessera.itest.notes.internal.command;
