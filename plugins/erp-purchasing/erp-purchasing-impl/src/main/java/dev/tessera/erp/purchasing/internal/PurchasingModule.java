package dev.tessera.erp.purchasing.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.purchasing.api.GoodsReceipts;
import dev.tessera.erp.purchasing.api.PurchaseOrders;
import dev.tessera.erp.purchasing.api.VendorBills;
import dev.tessera.erp.purchasing.api.VendorPayments;
import dev.tessera.erp.purchasing.api.Vendors;
import dev.tessera.erp.purchasing.api.event.PurchasingEvents;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.event.EventType;

/**
 * The erp-purchasing module: present once its services run on a migrated schema. It integrates with the inventory
 * (the catalog its lines name, the stock its receipts bring in and its bills revalue, the reorder suggestions it
 * orders from) and the ledger (tax of its lines; the ledger books receipts from the inventory's stock moves, bills
 * and payments from purchasing's events); it requires neither.
 */
@Component(service = ModuleDescriptor.class)
public final class PurchasingModule implements ModuleDescriptor {
    @Reference
    Vendors vendors;

    @Reference
    PurchaseOrders orders;

    @Reference
    GoodsReceipts receipts;

    @Reference
    VendorBills bills;

    @Reference
    VendorPayments payments;

    @Override
    public String id() {
        return "erp-purchasing";
    }

    @Override
    public String name() {
        return "Purchasing";
    }

    @Override
    public Set<RecordType> owns() {
        return PurchasingEvents.OWNS;
    }

    @Override
    public Set<EventType<?>> events() {
        return PurchasingEvents.ALL;
    }

    @Override
    public Set<String> integratesWith() {
        return Set.of("erp-inventory", "erp-ledger");
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.INVENTORY, Roles.FINANCE, Roles.VIEWER);
    }

    @Override
    public int schemaVersion() {
        return 2;
    }
}
