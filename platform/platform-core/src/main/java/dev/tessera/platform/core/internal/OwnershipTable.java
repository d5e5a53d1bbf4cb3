package dev.tessera.platform.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tessera.platform.api.EventDeclaration;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.OwnershipConflict;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/**
 * Who owns which record type, decided from the registered descriptors in the order they arrived: the first module
 * to claim a record type owns it; a later module claiming any owned type is refused as a whole (none of its claims
 * count) until the owner goes away. Thread-safe; readers get immutable snapshots.
 */
final class OwnershipTable {

    /** The table at one moment. */
    record Snapshot(Map<RecordType, String> owners, List<OwnershipConflict> conflicts,
                    Map<String, ModuleDescriptor> accepted, Map<String, ModuleDescriptor> registered,
                    Map<String, EventDeclaration> events) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of(), Map.of(), Map.of(), Map.of());
    }

    private final List<ModuleDescriptor> arrivals = new ArrayList<>();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /** Adds a descriptor and returns the conflicts it caused (empty when its claims were accepted). */
    synchronized List<OwnershipConflict> add(ModuleDescriptor descriptor) {
        arrivals.add(descriptor);
        recompute();
        return snapshot.conflicts().stream().filter(c -> c.refusedModule().equals(descriptor.id())).toList();
    }

    synchronized void remove(ModuleDescriptor descriptor) {
        arrivals.removeIf(d -> d == descriptor);
        recompute();
    }

    Snapshot snapshot() {
        return snapshot;
    }

    private void recompute() {
        Map<RecordType, String> owners = new TreeMap<>();
        Map<String, ModuleDescriptor> accepted = new HashMap<>();
        List<OwnershipConflict> conflicts = new ArrayList<>();
        Map<String, ModuleDescriptor> registered = new HashMap<>();
        Map<String, EventDeclaration> events = new TreeMap<>();
        for (ModuleDescriptor d : arrivals) {
            String id = d.id();
            registered.putIfAbsent(id, d);
            if (accepted.containsKey(id)) {
                // the same module id registered twice: the later one is refused
                for (RecordType type : d.owns()) {
                    conflicts.add(new OwnershipConflict(type, id, id));
                }
                continue;
            }
            List<OwnershipConflict> mine = new ArrayList<>();
            for (RecordType type : d.owns()) {
                String owner = owners.get(type);
                if (owner != null) {
                    mine.add(new OwnershipConflict(type, owner, id));
                }
            }
            for (EventType<?> event : d.events()) {
                if (!d.owns().contains(event.recordType())) {
                    mine.add(new OwnershipConflict(event.recordType(), owners.get(event.recordType()), id, event.name()));
                }
            }
            if (mine.isEmpty()) {
                accepted.put(id, d);
                d.owns().forEach(type -> owners.put(type, id));
                d.events().forEach(event -> events.put(event.name(), new EventDeclaration(event, id)));
            } else {
                conflicts.addAll(mine);
            }
        }
        snapshot = new Snapshot(Map.copyOf(owners), List.copyOf(conflicts), Map.copyOf(accepted),
                Map.copyOf(registered), java.util.Collections.unmodifiableMap(events));
    }
}
