package dev.tessera.itest.client.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

import dev.tessera.platform.api.ModuleDescriptor;

@Component(service = ModuleDescriptor.class)
public final class ClientModule implements ModuleDescriptor {
    @Override
    public String id() {
        return "itest-client";
    }

    @Override
    public String name() {
        return "Test greeter client";
    }

    @Override
    public Set<String> integratesWith() {
        return Set.of("itest-greeter");
    }
}
