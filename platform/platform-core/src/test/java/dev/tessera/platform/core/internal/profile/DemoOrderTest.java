package dev.tessera.platform.core.internal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleState;

class DemoOrderTest {
    @Test
    void aModuleLoadsItsDemoAfterTheModulesItRequiresOrIntegratesWith() {
        Map<String, ModuleInfo> all = Map.of(
                "crm-pipeline", module("crm-pipeline", Set.of(), Set.of("erp-inventory", "erp-ledger", "erp-sales")),
                "erp-inventory", module("erp-inventory", Set.of(), Set.of()),
                "erp-ledger", module("erp-ledger", Set.of(), Set.of()),
                "erp-sales", module("erp-sales", Set.of("erp-ledger"), Set.of("crm-pipeline")));
        // erp-sales integrates with the pipeline and the pipeline with sales: the cycle is cut where it is met
        assertEquals(List.of("erp-inventory", "erp-ledger", "erp-sales", "crm-pipeline"), ProfileManagerImpl
                .neighboursFirst(List.of("crm-pipeline", "erp-inventory", "erp-ledger", "erp-sales"), all));
        assertEquals(List.of("erp-ledger", "erp-inventory"), ProfileManagerImpl
                .neighboursFirst(List.of("erp-ledger", "erp-inventory"), all));
    }

    private static ModuleInfo module(String id, Set<String> requires, Set<String> integrates) {
        return new ModuleInfo(id, id, "1.0.0", "1.0.0", ModuleState.ACTIVE, true, Set.of(), requires, integrates,
                List.of());
    }
}
