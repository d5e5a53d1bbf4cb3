package dev.tessera.crm.pipeline.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.crm.pipeline.api.Deals;
import dev.tessera.crm.pipeline.api.Leads;
import dev.tessera.crm.pipeline.api.event.PipelineEvents;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.event.EventType;

/**
 * The crm-pipeline module: present once its services run on a migrated schema. It integrates with the inventory
 * (catalog prices, availability), the ledger (tax) and sales (order and invoice copies); it requires none of them.
 */
@Component(service = ModuleDescriptor.class)
public final class PipelineModule implements ModuleDescriptor {
    @Reference
    Leads leads;

    @Reference
    Deals deals;

    @Override
    public String id() {
        return "crm-pipeline";
    }

    @Override
    public String name() {
        return "Sales pipeline";
    }

    @Override
    public Set<RecordType> owns() {
        return PipelineEvents.OWNS;
    }

    @Override
    public Set<EventType<?>> events() {
        return PipelineEvents.ALL;
    }

    @Override
    public Set<String> integratesWith() {
        return Set.of("erp-inventory", "erp-ledger", "erp-sales", "crm-marketing");
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.SALES, Roles.VIEWER);
    }

    @Override
    public int schemaVersion() {
        return 3;
    }
}
