package dev.tessera.platform.webhooks.internal;

import java.net.URI;
import java.util.Locale;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.ErrorKind;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.RestApi;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;

/**
 * {@code /api/v1/webhooks}: subscribe a receiver to event types, list, remove, resume after a pause, and read or
 * replay its deliveries. Managing webhooks needs {@code admin}; reading them {@code viewer} too. Secrets are shown
 * once, in the answer to the subscription.
 */
@Component(service = WebhooksResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhooksResource {
    static final ErrorCode NOT_FOUND = ErrorCode.of("webhooks.not-found", ErrorKind.NOT_FOUND);
    static final ErrorCode DELIVERY_NOT_FOUND = ErrorCode.of("webhooks.delivery-not-found", ErrorKind.NOT_FOUND);

    private final WebhookStore store;
    private final WebhookSender sender;
    private final WebhookAdmin admin;

    @Activate
    public WebhooksResource(@Reference WebhookStore store, @Reference WebhookSender sender,
                            @Reference WebhookAdmin admin) {
        this.store = store;
        this.sender = sender;
        this.admin = admin;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response create(NewWebhook request, @Context SecurityContext caller) {
        WebhookCreated created = admin.create(request, caller.getUserPrincipal().getName());
        return Response.status(201).location(URI.create("webhooks/" + created.webhook().id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Page<Webhook> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(store.after(Page.longKey(cursor, 0), size + 1), size, Webhook::id);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Webhook get(@PathParam("id") String id) {
        return webhook(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") String id) {
        if (!store.delete(id(id))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed(Roles.ADMIN)
    public Webhook resume(@PathParam("id") String id) {
        if (!store.resume(id(id))) {
            throw notFound(id);
        }
        sender.wake();
        return webhook(id);
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Page<Delivery> deliveries(@PathParam("id") String id, @QueryParam("state") String state,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Webhook webhook = webhook(id);
        String wanted = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !Delivery.PENDING.equals(wanted) && !Delivery.DELIVERED.equals(wanted)) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "'state' must be pending or delivered, not '"
                    + state + "'");
        }
        int size = Page.limit(limit, 50);
        return Page.of(store.deliveries(webhook.id(), Page.longKey(cursor, Long.MAX_VALUE), size + 1, wanted), size,
                Delivery::id);
    }

    @GET
    @Path("{id}/deliveries/{delivery}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public DeliveryDetail delivery(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        Webhook webhook = webhook(id);
        return store.delivery(webhook.id(), id(delivery)).orElseThrow(() -> deliveryNotFound(id, delivery));
    }

    @POST
    @Path("{id}/deliveries/{delivery}/replay")
    @RolesAllowed(Roles.ADMIN)
    public DeliveryDetail replay(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        Webhook webhook = webhook(id);
        if (!store.replay(webhook.id(), id(delivery))) {
            throw deliveryNotFound(id, delivery);
        }
        sender.wake();
        return store.delivery(webhook.id(), id(delivery)).orElseThrow(() -> deliveryNotFound(id, delivery));
    }

    private Webhook webhook(String id) {
        return store.find(id(id)).orElseThrow(() -> notFound(id));
    }

    private static long id(String id) {
        try {
            long n = Long.parseLong(id.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "'" + id + "' is not a webhook or delivery id;"
                + " ids are positive whole numbers");
    }

    private static TesseraException notFound(String id) {
        return new TesseraException(NOT_FOUND, "No webhook " + id + "; GET /api/v1/webhooks lists them");
    }

    private static TesseraException deliveryNotFound(String id, String delivery) {
        return new TesseraException(DELIVERY_NOT_FOUND, "Webhook " + id + " has no delivery " + delivery
                + "; GET /api/v1/webhooks/" + id + "/deliveries lists them");
    }
}
