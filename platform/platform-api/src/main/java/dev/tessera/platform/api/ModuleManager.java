package dev.tessera.platform.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Knows every module the distribution offers and enables or disables them while Tessera runs, without
 * restarting unrelated bundles. The enabled set survives restarts.
 */
@ProviderType
public interface ModuleManager {

    /** Every module available in this distribution, sorted by id. */
    List<ModuleInfo> modules();

    Optional<ModuleInfo> module(String id);

    /**
     * Enables the given modules (and what they require) as one operation and waits until each is active.
     * If any cannot be installed or does not become active, every module this call added is removed again
     * and the exception names the module and the reason.
     *
     * @return the modules as they stand afterwards
     * @throws TesseraException {@code platform.unknown-module}, {@code platform.module-already-enabled},
     *                          {@code platform.module-failed}
     */
    List<ModuleInfo> enable(Collection<String> ids);

    /**
     * Disables the given modules. Their data is kept. Refused while an enabled module that is not being
     * disabled too requires one of them.
     *
     * @throws TesseraException {@code platform.unknown-module}, {@code platform.module-not-enabled},
     *                          {@code platform.module-required}
     */
    List<ModuleInfo> disable(Collection<String> ids);

    /**
     * Upgrades an enabled module to the newest version its features repositories offer, while Tessera runs: its
     * bundles are updated in place (no other bundle restarts), its schema migrations run, its data is kept. If the
     * new version does not become active, the previous version is put back.
     *
     * @throws TesseraException {@code platform.unknown-module}, {@code platform.module-not-enabled},
     *                          {@code platform.module-up-to-date}, {@code platform.module-failed}
     */
    ModuleInfo upgrade(String id);
}
