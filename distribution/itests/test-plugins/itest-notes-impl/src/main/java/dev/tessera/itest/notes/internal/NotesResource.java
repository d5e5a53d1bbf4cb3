package dev.tessera.itest.notes.internal;

import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import dev.tessera.itest.notes.api.Note;
import dev.tessera.itest.notes.api.NoteService;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.ValidationException;

/** The notes module's REST resource at /api/v1/notes: a paged list and a validated create. */
@Component(service = NotesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=tessera)")
@Path("notes")
@Produces(MediaType.APPLICATION_JSON)
public final class NotesResource {
    /** What a client may send to create a note: only these fields. */
    public record NewNote(String text) {
    }

    private final NoteService notes;

    @Activate
    public NotesResource(@Reference NoteService notes) {
        this.notes = notes;
    }

    @GET
    @RolesAllowed({"viewer", "admin"})
    public Page<Note> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(notes.after(Page.longKey(cursor, 0), size + 1), size, Note::id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response create(NewNote request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.text() == null || request.text().isBlank()) {
            errors.add(new FieldError("text", "is required: the note's text, 1 to 200 characters"));
        } else if (request.text().length() > 200) {
            errors.add(new FieldError("text", "has " + request.text().length() + " characters; at most 200 are allowed"));
        }
        ValidationException.throwIfAny("The note", errors);
        long id = notes.create(request.text());
        return Response.status(201).entity(new Note(id, request.text())).build();
    }
}
