/** Marketing: its services, stores and its Liquibase schema. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "crm-marketing;changelog=db/changelog.xml")
package dev.tessera.crm.marketing.internal;
