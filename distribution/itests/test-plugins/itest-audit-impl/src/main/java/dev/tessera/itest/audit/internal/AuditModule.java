package dev.tessera.itest.audit.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.itest.greeter.api.Greeter;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;

/** A module that cannot work without the greeter: a hard requirement. */
@Component(service = ModuleDescriptor.class)
public final class AuditModule implements ModuleDescriptor {
    @Reference
    Greeter greeter;

    @Override
    public String id() {
        return "itest-audit";
    }

    @Override
    public String name() {
        return "Test audit";
    }

    @Override
    public Set<RecordType> owns() {
        return Set.of(RecordType.of("greeting-audit"));
    }

    @Override
    public Set<String> requires() {
        return Set.of("itest-greeter");
    }
}
