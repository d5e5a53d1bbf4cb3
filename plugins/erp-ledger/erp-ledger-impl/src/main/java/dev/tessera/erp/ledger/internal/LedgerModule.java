package dev.tessera.erp.ledger.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;

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
        return Set.of(RecordType.of("ledger-account"), RecordType.of("journal-entry"), RecordType.of("fiscal-period"),
                RecordType.of("tax-code"));
    }

    @Override
    public Set<String> roles() {
        return Set.of("finance", "viewer");
    }

    @Override
    public int schemaVersion() {
        return 2;
    }
}
