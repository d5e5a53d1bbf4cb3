package dev.tessera.itest.broken.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import dev.tessera.platform.api.ModuleDescriptor;

/** A module whose activation always fails, to prove that a failed enable rolls back. */
@Component(service = ModuleDescriptor.class)
public final class BrokenModule implements ModuleDescriptor {

    @Activate
    public BrokenModule() {
        throw new IllegalStateException("itest-broken cannot start: its configuration is missing on purpose");
    }

    @Override
    public String id() {
        return "itest-broken";
    }

    @Override
    public String name() {
        return "Test broken module";
    }
}
