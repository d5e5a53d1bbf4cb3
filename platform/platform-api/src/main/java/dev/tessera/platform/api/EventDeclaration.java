package dev.tessera.platform.api;

import dev.tessera.platform.api.event.EventType;

/** An event type as a module declares it: the module that publishes it, which owns its record type. */
public record EventDeclaration(EventType<?> type, String ownerModule) {
}
