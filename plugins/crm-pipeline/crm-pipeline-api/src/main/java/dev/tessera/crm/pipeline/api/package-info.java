/**
 * The sales pipeline's contract: accounts and contacts ({@link Accounts}), leads with duplicate matching
 * ({@link Leads}), opportunities, activities and the forecast ({@link Deals}), and quotes ({@link Quotes}).
 * crm-pipeline owns these records; ERP modules keep copies from its events and never write them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.tessera.crm.pipeline.api;
