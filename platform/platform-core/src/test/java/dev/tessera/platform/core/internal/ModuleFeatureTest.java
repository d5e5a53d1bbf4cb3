package dev.tessera.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ModuleFeatureTest {

    @Test
    void readsTheModuleIdFromTheCapability() {
        assertEquals(Optional.of("erp-ledger"), ModuleFeature.moduleId("tessera.module;id=erp-ledger"));
        assertEquals(Optional.of("erp-ledger"), ModuleFeature.moduleId(" tessera.module; id:String=\"erp-ledger\""));
    }

    @Test
    void otherCapabilitiesAreNotModules() {
        assertEquals(Optional.empty(), ModuleFeature.moduleId(
                "osgi.service;objectClass=javax.sql.DataSource;effective:=active"));
        assertEquals(Optional.empty(), ModuleFeature.moduleId("tessera.modules;id=x"));
        assertEquals(Optional.empty(), ModuleFeature.moduleId("tessera.module;name=x"));
        assertEquals(Optional.empty(), ModuleFeature.moduleId((String) null));
    }
}
