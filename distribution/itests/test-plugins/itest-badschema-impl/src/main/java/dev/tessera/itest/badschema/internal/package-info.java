/** A module whose schema migration fails at its second change set. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "itest-badschema;changelog=db/changelog.xml")
package dev.tessera.itest.badschema.internal;
