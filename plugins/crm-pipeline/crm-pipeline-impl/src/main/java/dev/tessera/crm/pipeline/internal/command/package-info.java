/** The pipeline:* console commands. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "dev.tessera.crm.pipeline.internal.command")
package dev.tessera.crm.pipeline.internal.command;
