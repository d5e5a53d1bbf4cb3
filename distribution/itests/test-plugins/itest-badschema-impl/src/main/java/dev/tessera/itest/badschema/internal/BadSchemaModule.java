package dev.tessera.itest.badschema.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.persistence.ModuleSchema;

@Component(service = ModuleDescriptor.class)
public final class BadSchemaModule implements ModuleDescriptor {

    @Activate
    public BadSchemaModule(@Reference(target = "(tessera.module=itest-badschema)") ModuleSchema schema) {
        // active only on a migrated schema, which this module never gets
    }

    @Override
    public String id() {
        return "itest-badschema";
    }

    @Override
    public String name() {
        return "Test module with a failing migration";
    }
}
