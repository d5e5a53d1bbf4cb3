package dev.tessera.erp.ledger.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.ledger.api.event.LedgerEvents;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.event.EventType;

/** The erp-ledger module: present once its service runs on a migrated schema. */
@Component(service = ModuleDescriptor.class)
public final class LedgerModule implements ModuleDescriptor {
    @Reference
    LedgerService ledger;

    @Override
    public String id() {
        return LedgerServiceImpl.MODULE;
    }

    @Override
    public String name() {
        return "General ledger";
    }

    @Override
    public Set<RecordType> owns() {
        return LedgerEvents.OWNS;
    }

    @Override
    public Set<EventType<?>> events() {
        return LedgerEvents.ALL;
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.FINANCE, Roles.VIEWER);
    }

    @Override
    public int schemaVersion() {
        return 10;
    }
}
