/** The inventory: its persistence unit and its Liquibase schema. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "erp-inventory;changelog=db/changelog.xml")
package dev.tessera.erp.inventory.internal;
