package dev.tessera.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.OwnershipConflict;
import dev.tessera.platform.api.RecordType;

class OwnershipTableTest {

    private static ModuleDescriptor module(String id, String... owns) {
        Set<RecordType> types = Set.of(java.util.Arrays.stream(owns).map(RecordType::of).toArray(RecordType[]::new));
        return new ModuleDescriptor() {
            @Override public String id() { return id; }
            @Override public String name() { return id; }
            @Override public String version() { return "1.0.0"; }
            @Override public Set<RecordType> owns() { return types; }
        };
    }

    @Test
    void firstModuleToClaimARecordTypeOwnsIt() {
        OwnershipTable table = new OwnershipTable();
        assertTrue(table.add(module("crm-pipeline", "account", "lead")).isEmpty());
        assertTrue(table.add(module("erp-ledger", "journal-entry")).isEmpty());
        assertEquals(Map.of(RecordType.of("account"), "crm-pipeline", RecordType.of("lead"), "crm-pipeline",
                RecordType.of("journal-entry"), "erp-ledger"), table.snapshot().owners());
    }

    @Test
    void aSecondClaimIsRefusedWholeAndNamesBothModules() {
        OwnershipTable table = new OwnershipTable();
        table.add(module("crm-pipeline", "account"));
        List<OwnershipConflict> conflicts = table.add(module("acme-crm", "account", "fleet"));
        assertEquals(List.of(new OwnershipConflict(RecordType.of("account"), "crm-pipeline", "acme-crm")), conflicts);
        assertTrue(conflicts.get(0).message().contains("'acme-crm'") && conflicts.get(0).message().contains("'crm-pipeline'"));
        // none of the refused module's claims count, not even the uncontested one
        assertEquals(Map.of(RecordType.of("account"), "crm-pipeline"), table.snapshot().owners());
        assertEquals(List.of("acme-crm"), table.snapshot().conflicts().stream().map(OwnershipConflict::refusedModule).toList());
    }

    @Test
    void whenTheOwnerLeavesTheRefusedModuleTakesOver() {
        OwnershipTable table = new OwnershipTable();
        ModuleDescriptor pipeline = module("crm-pipeline", "account");
        table.add(pipeline);
        table.add(module("acme-crm", "account"));
        table.remove(pipeline);
        assertEquals(Map.of(RecordType.of("account"), "acme-crm"), table.snapshot().owners());
        assertTrue(table.snapshot().conflicts().isEmpty());
    }

    @Test
    void theSameModuleRegisteredTwiceKeepsTheFirstRegistration() {
        OwnershipTable table = new OwnershipTable();
        ModuleDescriptor first = module("erp-ledger", "account-chart");
        table.add(first);
        table.add(module("erp-ledger", "account-chart"));
        assertTrue(table.snapshot().accepted().get("erp-ledger") == first);
        assertEquals(1, table.snapshot().conflicts().size());
    }
}
