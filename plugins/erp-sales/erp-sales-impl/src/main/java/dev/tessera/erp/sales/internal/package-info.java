/** Sales: its persistence unit and its Liquibase schema. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "erp-sales;changelog=db/changelog.xml")
package dev.tessera.erp.sales.internal;
