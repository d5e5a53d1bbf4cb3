package dev.tessera.itest.notes.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.itest.notes.api.NoteEvents;
import dev.tessera.itest.notes.api.NoteService;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

@Component(service = ModuleDescriptor.class)
public final class NotesModule implements ModuleDescriptor {
    @Reference
    NoteService notes;

    @Override
    public String id() {
        return "itest-notes";
    }

    @Override
    public String name() {
        return "Test notes";
    }

    @Override
    public Set<RecordType> owns() {
        return NoteEvents.OWNS;
    }

    @Override
    public Set<EventType<?>> events() {
        return NoteEvents.ALL;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }
}
