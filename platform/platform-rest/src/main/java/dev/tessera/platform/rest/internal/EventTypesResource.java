package dev.tessera.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tessera.platform.api.EventDeclaration;
import dev.tessera.platform.api.OwnershipRegistry;
import dev.tessera.platform.api.event.EventType;

/**
 * {@code GET /api/v1/platform/event-types}: the catalogue of the events the enabled modules publish, each with the
 * module that owns it, its record type, its payload's schema version and a JSON Schema of the payload generated from
 * the payload record. It follows enable and disable as the OpenAPI document does, and is public as it is: it
 * describes shapes, never data.
 */
@Component(service = EventTypesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@Path("platform/event-types")
@Produces(MediaType.APPLICATION_JSON)
public final class EventTypesResource {

    /** One entry of the catalogue. */
    public record EventTypeEntry(String name, String ownerModule, String recordType, String verb, int schemaVersion,
                                 String description, String payloadType, JsonNode payloadSchema) {
    }

    private final OwnershipRegistry ownership;

    @Activate
    public EventTypesResource(@Reference OwnershipRegistry ownership) {
        this.ownership = ownership;
    }

    @GET
    @PermitAll
    public List<EventTypeEntry> eventTypes() {
        List<EventTypeEntry> entries = new ArrayList<>();
        for (EventDeclaration declaration : ownership.eventTypes()) {
            EventType<?> type = declaration.type();
            entries.add(new EventTypeEntry(type.name(), declaration.ownerModule(), type.recordType().name(), type.verb(),
                    type.schemaVersion(), type.description(), new Schemas.ModuleNames().nameOf(type.payloadType()),
                    Schemas.standalone(type.payloadType())));
        }
        return entries;
    }
}
