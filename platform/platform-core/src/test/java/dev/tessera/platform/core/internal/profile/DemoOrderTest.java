package dev.tessera.platform.core.internal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DemoOrderTest {
    @Test
    void aModulesDemoLoadsAfterTheDemosItBuildsOn() {
        Map<String, Set<String>> after = Map.of(
                "crm-pipeline", Set.of("erp-inventory", "erp-ledger"),
                "erp-sales", Set.of("crm-pipeline", "erp-inventory", "erp-ledger"));
        assertEquals(List.of("erp-inventory", "erp-ledger", "crm-pipeline", "erp-sales"), ProfileManagerImpl
                .demoOrder(List.of("crm-pipeline", "erp-inventory", "erp-ledger", "erp-sales"), after));
        // a module it builds on that is not in the profile is left out
        assertEquals(List.of("erp-ledger", "erp-sales"), ProfileManagerImpl.demoOrder(List.of("erp-ledger", "erp-sales"),
                after));
    }

    @Test
    void aCycleIsCutWhereItIsMet() {
        assertEquals(List.of("b", "a"), ProfileManagerImpl.demoOrder(List.of("a", "b"),
                Map.of("a", Set.of("b"), "b", Set.of("a"))));
    }
}
