package dev.tessera.itest.usurper.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;

/** Claims the record type "greeting", which itest-greeter owns. */
@Component(service = ModuleDescriptor.class)
public final class UsurperModule implements ModuleDescriptor {
    @Override
    public String id() {
        return "itest-usurper";
    }

    @Override
    public String name() {
        return "Test usurper";
    }

    @Override
    public Set<RecordType> owns() {
        return Set.of(RecordType.of("greeting"));
    }
}
