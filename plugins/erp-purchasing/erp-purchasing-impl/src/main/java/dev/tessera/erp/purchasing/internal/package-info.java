/** Purchasing: its services, stores and its Liquibase schema. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "erp-purchasing;changelog=db/changelog.xml")
package dev.tessera.erp.purchasing.internal;
