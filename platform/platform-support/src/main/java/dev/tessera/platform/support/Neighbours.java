package dev.tessera.platform.support;

import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.ModuleState;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;

/**
 * Another module's service, as a module that integrates with it optionally sees it at the moment of use. A module
 * that is not enabled is absent: the caller works in its reduced form. A module that is enabled but whose service is
 * not there right now (it starts, restarts or is being upgraded) is not absent: the caller must not quietly do less
 * (confirm an order without reserving its stock, say), so the operation is refused as unavailable and its client
 * sends it again shortly.
 */
public final class Neighbours {
    private Neighbours() {
    }

    /**
     * The service; null when its module is not enabled.
     *
     * @throws TesseraException {@code platform.module-unavailable} while the module is enabled but not active
     */
    public static <T> T optional(T service, String moduleId, ModuleManager modules) {
        if (service != null || modules == null) {
            return service;
        }
        ModuleInfo module = modules.module(moduleId).filter(ModuleInfo::enabled).orElse(null);
        if (module == null) {
            return null;
        }
        ModuleState state = module.state();
        throw new TesseraException(PlatformErrors.MODULE_UNAVAILABLE, "Module " + moduleId + " is enabled but not"
                + " active now (" + state.name().toLowerCase(java.util.Locale.ROOT) + ": starting, restarting or"
                + " failed; tessera:health tells which), so this was not done; send the request again shortly");
    }
}
