/** The sales pipeline: its persistence unit and its Liquibase schema. */
@org.osgi.annotation.bundle.Header(name = "Tessera-Schema", value = "crm-pipeline;changelog=db/changelog.xml")
package dev.tessera.crm.pipeline.internal;
