package dev.tessera.platform.api;

/**
 * The roles of Tessera's users (etc/users.properties, the JAAS realm "karaf"), as REST resources name them in
 * {@code @RolesAllowed} and the console's command ACLs in etc/org.apache.karaf.command.acl.*.cfg. README's
 * "Security" section says what each may do.
 */
public interface Roles {
    /** Enables modules and profiles, manages webhooks, tokens and users; runs Karaf's own commands. */
    String ADMIN = "admin";
    /** Reads every module's records and the platform's state; writes nothing. */
    String VIEWER = "viewer";
    /** The general ledger, invoices and payments. */
    String FINANCE = "finance";
    /** Items, warehouses, stock moves and reservations. */
    String INVENTORY = "inventory";
    /** Leads, accounts, opportunities, quotes and sales orders. */
    String SALES = "sales";
    /** Vendors, their price agreements, purchase orders and goods receipts. */
    String PURCHASING = "purchasing";
    /**
     * Approves purchase orders above the approval threshold (etc/dev.tessera.erp.purchasing.cfg) that someone else
     * wrote.
     */
    String PURCHASING_APPROVER = "purchasing-approver";
    /** Work centers, bills of materials and (with work orders) production. */
    String MANUFACTURING = "manufacturing";
    /** Campaigns, their touches and costs, lead scoring. */
    String MARKETING = "marketing";
    /** Console logins over bin/client and SSH. */
    String SSH = "ssh";
}
