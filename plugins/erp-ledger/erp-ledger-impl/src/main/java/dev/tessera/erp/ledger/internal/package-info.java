/** The general ledger: its persistence unit and its Liquibase schema. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "erp-ledger;changelog=db/changelog.xml")
package dev.tessera.erp.ledger.internal;
