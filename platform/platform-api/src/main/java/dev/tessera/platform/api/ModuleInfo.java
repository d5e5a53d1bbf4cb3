package dev.tessera.platform.api;

import java.util.List;
import java.util.Set;

/**
 * A module as the kernel sees it now.
 *
 * @param id          module id, e.g. {@code erp-ledger}
 * @param name        human name (the descriptor's when active, else the feature's description)
 * @param version     module version (the installed one when enabled)
 * @param newestVersion the newest version the features repositories offer; differs from version when an upgrade
 *                    is available
 * @param state       where it stands
 * @param enabled     true when an administrator enabled it (or it came in as a required module)
 * @param owns        record types it owns (known while active)
 * @param requires    modules it requires
 * @param integratesWith modules it uses when present
 * @param reason      why it is not active although enabled; empty otherwise
 */
public record ModuleInfo(String id, String name, String version, String newestVersion, ModuleState state, boolean enabled,
                         Set<RecordType> owns, Set<String> requires, Set<String> integratesWith,
                         List<String> reason) {
    public ModuleInfo {
        owns = Set.copyOf(owns);
        requires = Set.copyOf(requires);
        integratesWith = Set.copyOf(integratesWith);
        reason = List.copyOf(reason);
    }

    public boolean upgradable() {
        return enabled && !version.equals(newestVersion);
    }
}
