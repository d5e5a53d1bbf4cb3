package dev.tessera.itest.gossip.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;

import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/** Owns "rumour" but declares an event about "greeting", which it does not own: the kernel refuses it. */
@Component(service = ModuleDescriptor.class)
public final class GossipModule implements ModuleDescriptor {
    /** What the event would carry. */
    public record Overheard(String words) {
    }

    static final EventType<Overheard> OVERHEARD = EventType.of("gossip", "greeting", "overheard", Overheard.class, 1,
            "A greeting was overheard");

    @Override
    public String id() {
        return "itest-gossip";
    }

    @Override
    public String name() {
        return "Test gossip";
    }

    @Override
    public Set<RecordType> owns() {
        return Set.of(RecordType.of("rumour"));
    }

    @Override
    public Set<EventType<?>> events() {
        return Set.of(OVERHEARD);
    }
}
