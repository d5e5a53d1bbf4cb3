package dev.tessera.itest.greeter.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.itest.greeter.api.Greeter;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;

/** Active once its greeter is: the descriptor waits for the module's own service. */
@Component(service = ModuleDescriptor.class)
public final class GreeterModule implements ModuleDescriptor {
    @Reference
    Greeter greeter;

    @Override
    public String id() {
        return "itest-greeter";
    }

    @Override
    public String name() {
        return "Test greeter";
    }

    @Override
    public Set<RecordType> owns() {
        return Set.of(RecordType.of("greeting"));
    }
}
