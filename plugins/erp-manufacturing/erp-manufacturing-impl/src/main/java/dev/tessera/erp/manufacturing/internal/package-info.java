/** Manufacturing: its services, stores and its Liquibase schema. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "erp-manufacturing;changelog=db/changelog.xml")
package dev.tessera.erp.manufacturing.internal;
