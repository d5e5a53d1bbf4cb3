package dev.tessera.erp.inventory.internal.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.validation.constraints.NotNull;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.Count;
import dev.tessera.erp.inventory.api.IncomingSupply;
import dev.tessera.erp.inventory.api.InventoryErrors;
import dev.tessera.erp.inventory.api.Issue;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.Price;
import dev.tessera.erp.inventory.api.PriceList;
import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.ReorderSuggestion;
import dev.tessera.erp.inventory.api.Reservation;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockMove;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.Transfer;
import dev.tessera.erp.inventory.api.ValuationLine;
import dev.tessera.erp.inventory.api.Warehouse;
import dev.tessera.erp.inventory.internal.ItemsCsv;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.RestApi;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.rest.RestParams;

/**
 * {@code /api/v1/inventory}: items and prices, warehouses, stock moves, reservations, stock levels, valuation,
 * incoming supply and reorder suggestions. {@code inventory} writes; {@code viewer}, {@code inventory} and {@code sales} read.
 */
@Component(service = InventoryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("inventory")
@Produces(MediaType.APPLICATION_JSON)
public final class InventoryResource {
    /** A new warehouse. */
    /**
     * What can be promised of an item: on hand less reserved, over all warehouses, and with {@code by} what open
     * purchase orders bring in until that day.
     */
    public record Availability(String sku, BigDecimal available, LocalDate by) {
    }

    /** How many items a CSV import created or updated. */
    public record ItemsImported(int imported) {
    }

    public record NewWarehouse(String code, String name) {
    }

    /** A location to add to a warehouse. */
    public record NewLocation(String code) {
    }

    /** A reservation request. */
    public record NewReservation(String sku, String warehouse, BigDecimal quantity, String reference) {
    }

    /** A price to set. */
    public record NewPrice(String sku, BigDecimal unitPrice) {
    }

    private final Catalog catalog;
    private final StockService stock;

    @Activate
    public InventoryResource(@Reference Catalog catalog, @Reference StockService stock) {
        this.catalog = catalog;
        this.stock = stock;
    }

    // ---------------------------------------------------------------- catalog

    @GET
    @Path("items")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.SALES})
    public Page<Item> items(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(catalog.items(Page.key(cursor), size + 1), size, Item::sku);
    }

    @GET
    @Path("items/{sku}")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.SALES})
    public Item item(@PathParam("sku") String sku) {
        return catalog.item(sku).orElseThrow(() -> new TesseraException(InventoryErrors.ITEM_NOT_FOUND, "No item " + sku));
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INVENTORY)
    public Response createItem(NewItem item, @Context SecurityContext caller) {
        Item created = catalog.createItem(item, user(caller));
        return Response.created(URI.create("inventory/items/" + created.sku())).entity(created).build();
    }

    @PUT
    @Path("items/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INVENTORY)
    public Item updateItem(@PathParam("sku") String sku, NewItem changes, @Context SecurityContext caller) {
        if (changes == null) {
            throw new ValidationException(InventoryErrors.INVALID, "The changes are required",
                    List.of(new FieldError("(body)", "is required")));
        }
        return catalog.updateItem(sku, changes, user(caller));
    }

    @POST
    @Path("items/{sku}/deactivate")
    @RolesAllowed(Roles.INVENTORY)
    public Item deactivate(@PathParam("sku") String sku, @Context SecurityContext caller) {
        return catalog.setActive(sku, false, user(caller));
    }

    @POST
    @Path("items/{sku}/activate")
    @RolesAllowed(Roles.INVENTORY)
    public Item activate(@PathParam("sku") String sku, @Context SecurityContext caller) {
        return catalog.setActive(sku, true, user(caller));
    }

    @POST
    @Path("items/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.INVENTORY)
    public ItemsImported importItems(String csv, @Context SecurityContext caller) {
        return new ItemsImported(catalog.importItems(ItemsCsv.parse(csv), n -> { }, user(caller)));
    }

    @GET
    @Path("price-lists")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.SALES})
    public List<PriceList> priceLists() {
        return catalog.priceLists();
    }

    @POST
    @Path("price-lists")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INVENTORY)
    public Response createPriceList(PriceList list, @Context SecurityContext caller) {
        PriceList created = catalog.createPriceList(list, user(caller));
        return Response.created(URI.create("inventory/price-lists/" + created.code())).entity(created).build();
    }

    @POST
    @Path("price-lists/{code}/prices")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INVENTORY)
    public Price setPrice(@PathParam("code") String code, NewPrice price, @Context SecurityContext caller) {
        if (price == null) {
            throw new ValidationException(InventoryErrors.INVALID, "The price is required",
                    List.of(new FieldError("(body)", "is required: sku and unitPrice")));
        }
        return catalog.setPrice(code, price.sku(), price.unitPrice(), user(caller));
    }

    @GET
    @Path("prices")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.SALES})
    public Price price(@QueryParam("sku") @NotNull String sku, @QueryParam("currency") @NotNull String currency,
                       @QueryParam("customerGroup") String group, @QueryParam("date") String date) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (sku == null || sku.isBlank()) {
            errors.add(new FieldError("sku", "is required"));
        }
        if (currency == null || currency.isBlank()) {
            errors.add(new FieldError("currency", "is required: an ISO 4217 code such as EUR"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(InventoryErrors.INVALID, "Which price? " + errors.size() + " parameter(s)"
                    + " missing", errors);
        }
        return catalog.price(sku, currency, group, date == null ? null : date("date", date))
                .orElseThrow(() -> new TesseraException(InventoryErrors.PRICE_NOT_FOUND, "No " + currency + " price for "
                        + sku + (group == null ? "" : " and customer group " + group) + " on that date"));
    }

    // ---------------------------------------------------------------- warehouses

    @GET
    @Path("warehouses")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.SALES})
    public List<Warehouse> warehouses() {
        return stock.warehouses();
    }

    @POST
    @Path("warehouses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INVENTORY)
    public Response createWarehouse(NewWarehouse warehouse, @Context SecurityContext caller) {
        Warehouse created = stock.createWarehouse(warehouse == null ? null : warehouse.code(),
                warehouse == null ? null : warehouse.name(), user(caller));
        return Response.created(URI.create("inventory/warehouses/" + created.code())).entity(created).build();
    }

    @POST
    @Path("warehouses/{code}/locations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INVENTORY)
    public Warehouse addLocation(@PathParam("code") String code, NewLocation location, @Context SecurityContext caller) {
        return stock.addLocation(code, location == null ? null : location.code(), user(caller));
    }

    // ---------------------------------------------------------------- moves

    @POST
    @Path("receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INVENTORY)
    public Response receive(Receipt receipt, @Context SecurityContext caller) {
        return created(stock.receive(receipt, user(caller)));
    }

    @POST
    @Path("issues")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INVENTORY)
    public Response issue(Issue issue, @Context SecurityContext caller) {
        StockMove move = stock.issue(issue, user(caller));
        return Response.created(URI.create("inventory/moves/" + move.id()))
                .entity(Map.of("move", move, "cost", move.value())).build();
    }

    @POST
    @Path("transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INVENTORY)
    public Response transfer(Transfer transfer, @Context SecurityContext caller) {
        return created(stock.transfer(transfer, user(caller)));
    }

    @POST
    @Path("counts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INVENTORY)
    public Response count(Count count, @Context SecurityContext caller) {
        return stock.count(count, user(caller)).map(this::created).orElse(Response.noContent().build());
    }

    @GET
    @Path("moves")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER})
    public Page<StockMove> moves(@QueryParam("sku") String sku, @QueryParam("limit") String limit,
                                 @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(stock.moves(sku, Page.longKey(cursor, 0), size + 1), size, StockMove::id);
    }

    // ---------------------------------------------------------------- reservations and levels

    @POST
    @Path("reservations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INVENTORY, Roles.SALES})
    public Response reserve(NewReservation request, @Context SecurityContext caller) {
        if (request == null) {
            throw new ValidationException(InventoryErrors.INVALID, "The reservation is required",
                    List.of(new FieldError("(body)", "is required: sku, warehouse, quantity, reference")));
        }
        Reservation reservation = stock.reserve(request.sku(), request.warehouse(), request.quantity(),
                request.reference(), user(caller));
        return Response.created(URI.create("inventory/reservations/" + reservation.id())).entity(reservation).build();
    }

    @GET
    @Path("reservations/{id}")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.SALES})
    public Reservation reservation(@PathParam("id") String id) {
        return stock.reservation(id(id)).orElseThrow(() -> new TesseraException(InventoryErrors.RESERVATION_NOT_FOUND,
                "No reservation " + id));
    }

    @POST
    @Path("reservations/{id}/release")
    @RolesAllowed({Roles.INVENTORY, Roles.SALES})
    public Reservation release(@PathParam("id") String id, @Context SecurityContext caller) {
        return stock.release(id(id), user(caller));
    }

    @GET
    @Path("stock")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.SALES})
    public List<StockLevel> stock(@QueryParam("sku") String sku, @QueryParam("warehouse") String warehouse) {
        return stock.stock(sku, warehouse);
    }

    @GET
    @Path("available-to-promise/{sku}")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.SALES})
    public Availability availableToPromise(@PathParam("sku") String sku, @QueryParam("by") String by) {
        item(sku);
        LocalDate day = by == null || by.isBlank() ? null : date("by", by);
        return new Availability(sku, day == null ? stock.availableToPromise(sku) : stock.availableToPromise(sku, day), day);
    }

    @GET
    @Path("incoming")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.SALES, Roles.PURCHASING})
    public List<IncomingSupply> incoming(@QueryParam("sku") String sku) {
        if (sku != null && !sku.isBlank()) {
            item(sku);
        }
        return stock.incoming(sku == null || sku.isBlank() ? null : sku);
    }

    @GET
    @Path("reorder-suggestions")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.PURCHASING})
    public List<ReorderSuggestion> reorder() {
        return stock.reorderSuggestions();
    }

    @GET
    @Path("valuation")
    @RolesAllowed({Roles.INVENTORY, Roles.VIEWER, Roles.FINANCE})
    public List<ValuationLine> valuation(@QueryParam("asOf") String asOf) {
        return stock.valuation(asOf == null ? LocalDate.now() : date("asOf", asOf));
    }

    private Response created(StockMove move) {
        return Response.created(URI.create("inventory/moves/" + move.id())).entity(move).build();
    }

    private static String user(SecurityContext caller) {
        return RestParams.user(caller);
    }

    private static LocalDate date(String name, String value) {
        return RestParams.date(name, value, InventoryErrors.INVALID);
    }

    private static long id(String id) {
        return RestParams.id(id, InventoryErrors.INVALID);
    }
}
