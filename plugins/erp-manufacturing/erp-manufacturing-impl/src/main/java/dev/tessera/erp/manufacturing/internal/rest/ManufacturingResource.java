package dev.tessera.erp.manufacturing.internal.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.annotation.security.RolesAllowed;
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

import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.Boms;
import dev.tessera.erp.manufacturing.api.CostRollup;
import dev.tessera.erp.manufacturing.api.Explosion;
import dev.tessera.erp.manufacturing.api.IssueLine;
import dev.tessera.erp.manufacturing.api.ManufacturingErrors;
import dev.tessera.erp.manufacturing.api.Mrp;
import dev.tessera.erp.manufacturing.api.MrpMessage;
import dev.tessera.erp.manufacturing.api.MrpRun;
import dev.tessera.erp.manufacturing.api.PlannedOrder;
import dev.tessera.erp.manufacturing.api.PlannedOrderKind;
import dev.tessera.erp.manufacturing.api.PlannedOrderStatus;
import dev.tessera.erp.manufacturing.api.NewBom;
import dev.tessera.erp.manufacturing.api.NewWorkCenter;
import dev.tessera.erp.manufacturing.api.NewWorkOrder;
import dev.tessera.erp.manufacturing.api.OperationTime;
import dev.tessera.erp.manufacturing.api.WorkCenter;
import dev.tessera.erp.manufacturing.api.WorkCenterChanges;
import dev.tessera.erp.manufacturing.api.WorkCenters;
import dev.tessera.erp.manufacturing.api.WorkOrder;
import dev.tessera.erp.manufacturing.api.WorkOrderStatus;
import dev.tessera.erp.manufacturing.api.WorkOrders;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.RestApi;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.support.rest.RestParams;

/**
 * {@code /api/v1/manufacturing}: work centers, bills of materials in revisions, their explosion and cost roll-up,
 * work orders, MRP runs and their planned orders.
 * {@code manufacturing} writes; {@code viewer}, {@code inventory} and {@code purchasing} read.
 */
@Component(service = ManufacturingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("manufacturing")
@Produces(MediaType.APPLICATION_JSON)
public final class ManufacturingResource {
    /** Components to issue; none: everything still due. */
    public record Issues(List<IssueLine> lines) {
    }

    /** Hours operations took. */
    public record Times(List<OperationTime> times) {
    }

    /** Finished goods to receive into stock. */
    public record Completion(BigDecimal quantity, String lot) {
    }

    private final WorkCenters centers;
    private final Boms boms;
    private final WorkOrders orders;
    private final Mrp mrp;

    @Activate
    public ManufacturingResource(@Reference WorkCenters centers, @Reference Boms boms,
                                 @Reference WorkOrders orders, @Reference Mrp mrp) {
        this.centers = centers;
        this.boms = boms;
        this.orders = orders;
        this.mrp = mrp;
    }

    // ---------------------------------------------------------------- work centers

    /** Work centers by code, deactivated ones too; {@code active=true|false} filters. */
    @GET
    @Path("work-centers")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public Page<WorkCenter> workCenters(@QueryParam("active") String active, @QueryParam("limit") String limit,
                                        @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        Boolean only = RestParams.bool("active", active, ManufacturingErrors.INVALID);
        return Page.of(centers.workCenters(only, Page.key(cursor), size + 1), size, WorkCenter::code);
    }

    @GET
    @Path("work-centers/{code}")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public WorkCenter workCenter(@PathParam("code") String code) {
        return center(code);
    }

    @POST
    @Path("work-centers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANUFACTURING)
    public Response createWorkCenter(NewWorkCenter center, @Context SecurityContext caller) {
        WorkCenter created = centers.create(center, RestParams.user(caller));
        return Response.created(URI.create("manufacturing/work-centers/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("work-centers/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANUFACTURING)
    public WorkCenter updateWorkCenter(@PathParam("code") String code, WorkCenterChanges changes,
                                       @Context SecurityContext caller) {
        return centers.update(center(code).code(), changes, RestParams.user(caller));
    }

    @POST
    @Path("work-centers/{code}/deactivate")
    @RolesAllowed(Roles.MANUFACTURING)
    public WorkCenter deactivateWorkCenter(@PathParam("code") String code, @Context SecurityContext caller) {
        return centers.deactivate(center(code).code(), RestParams.user(caller));
    }

    // ---------------------------------------------------------------- bills of materials

    /** Every revision of every bill by id, or of one item with {@code sku}. */
    @GET
    @Path("boms")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public Page<Bom> boms(@QueryParam("sku") String sku, @QueryParam("limit") String limit,
                          @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(boms.boms(sku, Page.longKey(cursor, 0), size + 1), size, Bom::id);
    }

    /** Makes the item's next revision, in force from {@code effectiveFrom} (today when absent). */
    @POST
    @Path("boms")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANUFACTURING)
    public Response createBom(NewBom bom, @Context SecurityContext caller) {
        Bom created = boms.create(bom, RestParams.user(caller));
        return Response.created(URI.create("manufacturing/boms/" + created.sku() + "?date="
                + created.effectiveFrom())).entity(created).build();
    }

    /** The revision of the item's bill in force on {@code date} (today when absent). */
    @GET
    @Path("boms/{sku}")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public Bom bom(@PathParam("sku") String sku, @QueryParam("date") String date) {
        LocalDate day = day(date);
        return boms.inForce(sku, day).orElseThrow(() -> new TesseraException(ManufacturingErrors.BOM_NOT_FOUND,
                sku + " has no bill of materials in force on " + day + " (GET manufacturing/boms/" + sku
                        + "/revisions lists its revisions)"));
    }

    @GET
    @Path("boms/{sku}/revisions")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public List<Bom> revisions(@PathParam("sku") String sku) {
        return boms.revisions(sku);
    }

    /** The bill in force on {@code date} exploded for {@code quantity} (1 when absent), level by level. */
    @GET
    @Path("boms/{sku}/explosion")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public Explosion explosion(@PathParam("sku") String sku, @QueryParam("quantity") String quantity,
                               @QueryParam("date") String date) {
        return boms.explode(sku, RestParams.decimal("quantity", quantity, ManufacturingErrors.INVALID), day(date));
    }

    /** The item's unit cost rolled up through its bills in force on {@code date} (today when absent). */
    @GET
    @Path("boms/{sku}/cost")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public CostRollup cost(@PathParam("sku") String sku, @QueryParam("date") String date) {
        return boms.cost(sku, day(date));
    }

    // ---------------------------------------------------------------- work orders

    /** Work orders by id; {@code status} and {@code sku} filter. */
    @GET
    @Path("work-orders")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public Page<WorkOrder> workOrders(@QueryParam("status") String status, @QueryParam("sku") String sku,
                                      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        WorkOrderStatus s = status == null ? null : RestParams.enumValue(WorkOrderStatus.class, "status", status,
                ManufacturingErrors.INVALID);
        return Page.of(orders.workOrders(s, sku, Page.longKey(cursor, 0), size + 1), size, WorkOrder::id);
    }

    /** Plans a work order from the item's bill in force today (201, status draft). */
    @POST
    @Path("work-orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANUFACTURING)
    public Response createWorkOrder(NewWorkOrder order, @Context SecurityContext caller) {
        WorkOrder created = orders.create(order, RestParams.user(caller));
        return Response.created(URI.create("manufacturing/work-orders/" + created.id())).entity(created).build();
    }

    /** A work order by its id or number (WO-2026-000001). */
    @GET
    @Path("work-orders/{id}")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public WorkOrder workOrder(@PathParam("id") String id) {
        return order(id);
    }

    @POST
    @Path("work-orders/{id}/release")
    @RolesAllowed(Roles.MANUFACTURING)
    public WorkOrder release(@PathParam("id") String id, @Context SecurityContext caller) {
        return orders.release(order(id).id(), RestParams.user(caller));
    }

    /** Issues components; without a body (or with no lines) all that is still due. */
    @POST
    @Path("work-orders/{id}/issue")
    @RolesAllowed(Roles.MANUFACTURING)
    public WorkOrder issue(@PathParam("id") String id, Issues issues, @Context SecurityContext caller) {
        return orders.issue(order(id).id(), issues == null ? List.of() : issues.lines(), RestParams.user(caller));
    }

    @POST
    @Path("work-orders/{id}/time")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANUFACTURING)
    public WorkOrder time(@PathParam("id") String id, Times times, @Context SecurityContext caller) {
        return orders.recordTime(order(id).id(), times == null ? null : times.times(), RestParams.user(caller));
    }

    @POST
    @Path("work-orders/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANUFACTURING)
    public WorkOrder complete(@PathParam("id") String id, Completion completion, @Context SecurityContext caller) {
        return orders.complete(order(id).id(), completion == null ? null : completion.quantity(),
                completion == null ? null : completion.lot(), RestParams.user(caller));
    }

    @POST
    @Path("work-orders/{id}/close")
    @RolesAllowed(Roles.MANUFACTURING)
    public WorkOrder close(@PathParam("id") String id, @Context SecurityContext caller) {
        return orders.close(order(id).id(), RestParams.user(caller));
    }

    @POST
    @Path("work-orders/{id}/cancel")
    @RolesAllowed(Roles.MANUFACTURING)
    public WorkOrder cancel(@PathParam("id") String id, @Context SecurityContext caller) {
        return orders.cancel(order(id).id(), RestParams.user(caller));
    }

    // ---------------------------------------------------------------- MRP

    /** MRP runs, newest first. */
    @GET
    @Path("mrp/runs")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public Page<MrpRun> runs(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 20);
        return Page.of(mrp.runs(Page.longKey(cursor, 0), size + 1), size, MrpRun::id);
    }

    /**
     * Starts an MRP run (201: the run's row, RUNNING); it goes on in the background, and GET on its Location shows its
     * progress until it is FINISHED. 409 while another run is going.
     */
    @POST
    @Path("mrp/runs")
    @RolesAllowed(Roles.MANUFACTURING)
    public Response startRun(@Context SecurityContext caller) {
        MrpRun run = mrp.start(RestParams.user(caller));
        return Response.created(URI.create("manufacturing/mrp/runs/" + run.id())).entity(run).build();
    }

    @GET
    @Path("mrp/runs/{id}")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public MrpRun run(@PathParam("id") String id) {
        return mrp.runById(number(id, "MRP run")).orElseThrow(() -> new TesseraException(
                ManufacturingErrors.MRP_RUN_NOT_FOUND, "No MRP run " + id + " (GET manufacturing/mrp/runs lists them)"));
    }

    /** What a run asks besides its planned orders: orders to bring forward, items it could not plan. */
    @GET
    @Path("mrp/runs/{id}/messages")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public List<MrpMessage> messages(@PathParam("id") String id) {
        return mrp.messages(run(id).id());
    }

    /** Planned orders by id: the latest run's and the firmed ones; {@code kind}, {@code status}, {@code sku} filter. */
    @GET
    @Path("planned-orders")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public Page<PlannedOrder> plannedOrders(@QueryParam("kind") String kind, @QueryParam("status") String status,
                                            @QueryParam("sku") String sku, @QueryParam("limit") String limit,
                                            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        PlannedOrderKind k = kind == null ? null : RestParams.enumValue(PlannedOrderKind.class, "kind", kind,
                ManufacturingErrors.INVALID);
        PlannedOrderStatus s = status == null ? null : RestParams.enumValue(PlannedOrderStatus.class, "status",
                status, ManufacturingErrors.INVALID);
        return Page.of(mrp.plannedOrders(k, s, sku, Page.longKey(cursor, 0), size + 1), size, PlannedOrder::id);
    }

    @GET
    @Path("planned-orders/{id}")
    @RolesAllowed({Roles.MANUFACTURING, Roles.VIEWER, Roles.INVENTORY, Roles.PURCHASING})
    public PlannedOrder plannedOrder(@PathParam("id") String id) {
        return mrp.plannedOrder(number(id, "planned order")).orElseThrow(() -> new TesseraException(
                ManufacturingErrors.PLANNED_ORDER_NOT_FOUND, "No planned order " + id
                + " (GET manufacturing/planned-orders lists them)"));
    }

    /** Firms a planned order into a draft work order or (purchasing enabled) a draft purchase order. */
    @POST
    @Path("planned-orders/{id}/firm")
    @RolesAllowed(Roles.MANUFACTURING)
    public PlannedOrder firm(@PathParam("id") String id, @Context SecurityContext caller) {
        return mrp.firm(number(id, "planned order"), RestParams.user(caller));
    }

    private static long number(String id, String what) {
        String key = id == null ? "" : id.trim();
        if (!key.matches("\\d{1,18}")) {
            throw new TesseraException(what.startsWith("MRP") ? ManufacturingErrors.MRP_RUN_NOT_FOUND
                    : ManufacturingErrors.PLANNED_ORDER_NOT_FOUND, "No " + what + " '"
                    + (key.length() > 40 ? key.substring(0, 40) + "..." : key) + "': ids are whole numbers");
        }
        return Long.parseLong(key);
    }

    private WorkOrder order(String id) {
        String key = id.trim();
        Optional<WorkOrder> found = key.matches("\\d{1,18}") ? orders.workOrder(Long.parseLong(key))
                : orders.workOrderByNumber(key);
        return found.orElseThrow(() -> new TesseraException(ManufacturingErrors.WORK_ORDER_NOT_FOUND,
                "No work order " + id + " (GET manufacturing/work-orders lists them)"));
    }

    private WorkCenter center(String code) {
        return centers.workCenter(code).orElseThrow(() -> new TesseraException(
                ManufacturingErrors.WORK_CENTER_NOT_FOUND, "No work center " + code
                + " (GET manufacturing/work-centers lists them)"));
    }

    private static LocalDate day(String date) {
        return date == null ? LocalDate.now() : RestParams.date("date", date, ManufacturingErrors.INVALID);
    }

}
