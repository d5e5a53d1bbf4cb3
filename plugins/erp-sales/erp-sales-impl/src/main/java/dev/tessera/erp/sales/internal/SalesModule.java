package dev.tessera.erp.sales.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.sales.api.Billing;
import dev.tessera.erp.sales.api.Orders;
import dev.tessera.erp.sales.api.event.SalesEvents;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.event.EventType;

/**
 * The erp-sales module: present once its services run on a migrated schema. It integrates with the pipeline
 * (accepted quotes, the customer copy), the inventory (reservations, shipments) and the ledger (tax, postings from
 * its events); it requires none of them.
 */
@Component(service = ModuleDescriptor.class)
public final class SalesModule implements ModuleDescriptor {
    @Reference
    Orders orders;

    @Reference
    Billing billing;

    @Override
    public String id() {
        return "erp-sales";
    }

    @Override
    public String name() {
        return "Sales orders and invoicing";
    }

    @Override
    public Set<RecordType> owns() {
        return SalesEvents.OWNS;
    }

    @Override
    public Set<EventType<?>> events() {
        return SalesEvents.ALL;
    }

    @Override
    public Set<String> integratesWith() {
        return Set.of("crm-pipeline", "erp-inventory", "erp-ledger");
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.SALES, Roles.FINANCE, Roles.VIEWER);
    }

    @Override
    public int schemaVersion() {
        return 1;
    }
}
