package dev.tessera.platform.rest.internal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.DeadLetter;
import dev.tessera.platform.api.event.EventLog;
import dev.tessera.platform.api.event.StoredEvent;

/**
 * The event stream and its delivery problems over HTTP. Events page by position: a page carries the
 * {@code next} cursor to pass as {@code after}; an empty page means the client is caught up.
 */
@Component(service = EventsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@Path("platform")
@Produces(MediaType.APPLICATION_JSON)
public final class EventsResource {
    @Reference
    EventLog events;

    @GET
    @Path("events")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public EventPage events(@QueryParam("after") @DefaultValue("0") String after,
                                      @QueryParam("type") String type,
                                      @QueryParam("limit") @DefaultValue("100") String limit) {
        long position = number("after", after, 0, Long.MAX_VALUE);
        int size = (int) number("limit", limit, 1, 1000);
        List<StoredEvent> page = events.events(position, type, size);
        return new EventPage(page, page.isEmpty() ? position : page.get(page.size() - 1).sequence());
    }

    @GET
    @Path("dead-letters")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Page<DeadLetter> deadLetters(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 100);
        return Page.of(events.deadLetters(Page.longKey(cursor, 0), size + 1), size, DeadLetter::id);
    }

    @POST
    @Path("dead-letters/{id}/replay")
    @RolesAllowed(Roles.ADMIN)
    public Replayed replay(@PathParam("id") String id) {
        long letter = number("id", id, 1, Long.MAX_VALUE);
        boolean delivered = events.replay(letter);
        if (!delivered) {
            throw new TesseraException(PlatformErrors.REPLAY_FAILED, "Dead letter " + letter
                    + " failed again and stays on the list; see its lastError");
        }
        return new Replayed(letter, true);
    }

    /** A page of the event log; {@code next} is the position to ask for the following page with {@code after}. */
    public record EventPage(List<StoredEvent> events, long next) {
    }

    /** A dead letter delivered again. */
    public record Replayed(long id, boolean delivered) {
    }

    private static long number(String name, String value, long min, long max) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the refusal
        }
        throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "'" + name + "' must be a whole number from "
                + min + " to " + max + ", not '" + value + "'");
    }
}
