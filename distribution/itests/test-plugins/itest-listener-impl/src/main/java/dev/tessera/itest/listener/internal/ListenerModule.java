package dev.tessera.itest.listener.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

import dev.tessera.platform.api.ModuleDescriptor;

@Component(service = ModuleDescriptor.class)
public final class ListenerModule implements ModuleDescriptor {
    @Override
    public String id() {
        return "itest-listener";
    }

    @Override
    public String name() {
        return "Test note listener";
    }

    @Override
    public Set<String> integratesWith() {
        return Set.of("itest-notes");
    }
}
