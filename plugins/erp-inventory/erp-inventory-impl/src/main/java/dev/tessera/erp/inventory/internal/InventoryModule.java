package dev.tessera.erp.inventory.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.event.InventoryEvents;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.event.EventType;

/** The erp-inventory module: present once its catalog and stock services run on a migrated schema. */
@Component(service = ModuleDescriptor.class)
public final class InventoryModule implements ModuleDescriptor {
    @Reference
    Catalog catalog;

    @Reference
    StockService stock;

    @Override
    public String id() {
        return "erp-inventory";
    }

    @Override
    public String name() {
        return "Inventory";
    }

    @Override
    public Set<RecordType> owns() {
        return InventoryEvents.OWNS;
    }

    @Override
    public Set<EventType<?>> events() {
        return InventoryEvents.ALL;
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.INVENTORY, Roles.VIEWER);
    }

    @Override
    public int schemaVersion() {
        return 2;
    }
}
