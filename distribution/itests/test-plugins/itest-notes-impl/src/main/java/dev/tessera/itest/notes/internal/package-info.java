/** The notes test module: one persistence unit, its Liquibase changelog and its events. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "itest-notes;changelog=db/changelog.xml")
package dev.tessera.itest.notes.internal;
