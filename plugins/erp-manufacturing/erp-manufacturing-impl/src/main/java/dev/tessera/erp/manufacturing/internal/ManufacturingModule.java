package dev.tessera.erp.manufacturing.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.manufacturing.api.Boms;
import dev.tessera.erp.manufacturing.api.WorkCenters;
import dev.tessera.erp.manufacturing.api.WorkOrders;
import dev.tessera.erp.manufacturing.api.event.ManufacturingEvents;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.event.EventType;

/**
 * The erp-manufacturing module: present once its services run on a migrated schema. It requires the inventory: the
 * items its bills of materials name, the costs of bought components and the stock its work orders reserve, consume
 * and make are the inventory's; the ledger books work orders from the inventory's moves and manufacturing's events.
 */
@Component(service = ModuleDescriptor.class)
public final class ManufacturingModule implements ModuleDescriptor {
    @Reference
    WorkCenters workCenters;

    @Reference
    Boms boms;

    @Reference
    WorkOrders workOrders;

    @Override
    public String id() {
        return "erp-manufacturing";
    }

    @Override
    public String name() {
        return "Manufacturing";
    }

    @Override
    public Set<RecordType> owns() {
        return ManufacturingEvents.OWNS;
    }

    @Override
    public Set<EventType<?>> events() {
        return ManufacturingEvents.ALL;
    }

    @Override
    public Set<String> requires() {
        return Set.of("erp-inventory");
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.MANUFACTURING, Roles.VIEWER);
    }

    @Override
    public int schemaVersion() {
        return 4;
    }
}
