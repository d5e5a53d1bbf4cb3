package dev.tessera.erp.purchasing.internal.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

import dev.tessera.erp.purchasing.api.AgingLine;
import dev.tessera.erp.purchasing.api.BillStatus;
import dev.tessera.erp.purchasing.api.GoodsReceipt;
import dev.tessera.erp.purchasing.api.GoodsReceipts;
import dev.tessera.erp.purchasing.api.NewGoodsReceipt;
import dev.tessera.erp.purchasing.api.NewPriceAgreement;
import dev.tessera.erp.purchasing.api.NewPurchaseOrder;
import dev.tessera.erp.purchasing.api.NewVendor;
import dev.tessera.erp.purchasing.api.NewVendorBill;
import dev.tessera.erp.purchasing.api.NewVendorPayment;
import dev.tessera.erp.purchasing.api.PriceAgreement;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderChanges;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchaseOrders;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.erp.purchasing.api.ReorderOrders;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.VendorBill;
import dev.tessera.erp.purchasing.api.VendorBills;
import dev.tessera.erp.purchasing.api.VendorChanges;
import dev.tessera.erp.purchasing.api.VendorPayment;
import dev.tessera.erp.purchasing.api.VendorPayments;
import dev.tessera.erp.purchasing.api.Vendors;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.RestApi;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.support.rest.RestParams;

/**
 * {@code /api/v1/purchasing}: vendors and their price agreements, purchase orders and their goods receipts, vendor
 * bills, payments and the payables aging. {@code purchasing} writes vendors and orders (approving above the
 * threshold needs {@code purchasing-approver}); {@code inventory} may receive goods; {@code finance} enters bills and
 * pays them; {@code purchasing-approver} releases held bills; {@code viewer} reads.
 */
@Component(service = PurchasingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("purchasing")
@Produces(MediaType.APPLICATION_JSON)
public final class PurchasingResource {
    /** Why an order is cancelled (optional). */
    public record Reason(String reason) {
    }

    /** The last day of a price agreement (today when absent). */
    public record PriceEnd(LocalDate validTo) {
    }

    /** Why a held bill is accepted as it is (required). */
    public record Release(String note) {
    }

    /** Where reordered goods are to arrive (optional: each line's default). */
    public record Reorder(String warehouse) {
    }

    private final Vendors vendors;
    private final PurchaseOrders orders;
    private final GoodsReceipts receipts;
    private final VendorBills bills;
    private final VendorPayments payments;

    @Activate
    public PurchasingResource(@Reference Vendors vendors, @Reference PurchaseOrders orders,
                              @Reference GoodsReceipts receipts, @Reference VendorBills bills,
                              @Reference VendorPayments payments) {
        this.vendors = vendors;
        this.orders = orders;
        this.receipts = receipts;
        this.bills = bills;
        this.payments = payments;
    }

    // ---------------------------------------------------------------- vendors

    /** Vendors by id; {@code active=true|false} filters, {@code code} finds one. */
    @GET
    @Path("vendors")
    @RolesAllowed({Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.FINANCE, Roles.VIEWER, Roles.INVENTORY})
    public Page<Vendor> vendors(@QueryParam("active") String active, @QueryParam("code") String code,
                                @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (code != null) {
            return new Page<>(vendors.vendorByCode(code).map(List::of).orElse(List.of()), null);
        }
        int size = Page.limit(limit, 50);
        return Page.of(vendors.vendors(bool("active", active), Page.longKey(cursor, 0),
                size + 1), size, Vendor::id);
    }

    /** A vendor by its id or its code. */
    @GET
    @Path("vendors/{id}")
    @RolesAllowed({Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.FINANCE, Roles.VIEWER, Roles.INVENTORY})
    public Vendor vendor(@PathParam("id") String id) {
        return vendorOf(id);
    }

    @POST
    @Path("vendors")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PURCHASING)
    public Response createVendor(NewVendor vendor, @Context SecurityContext caller) {
        Vendor created = vendors.createVendor(vendor, user(caller));
        return Response.created(URI.create("purchasing/vendors/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("vendors/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PURCHASING)
    public Vendor updateVendor(@PathParam("id") String id, VendorChanges changes, @Context SecurityContext caller) {
        return vendors.updateVendor(vendorOf(id).id(), changes, user(caller));
    }

    @POST
    @Path("vendors/{id}/deactivate")
    @RolesAllowed(Roles.PURCHASING)
    public Vendor deactivate(@PathParam("id") String id, @Context SecurityContext caller) {
        return vendors.deactivate(vendorOf(id).id(), user(caller));
    }

    /** The vendor's price agreements in force or to come; {@code ended=true} adds the ended ones. */
    @GET
    @Path("vendors/{id}/prices")
    @RolesAllowed({Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.FINANCE, Roles.VIEWER, Roles.INVENTORY})
    public List<PriceAgreement> prices(@PathParam("id") String id, @QueryParam("sku") String sku,
                                       @QueryParam("ended") String ended) {
        return vendors.prices(vendorOf(id).id(), sku, Boolean.TRUE.equals(bool("ended", ended)));
    }

    @POST
    @Path("vendors/{id}/prices")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PURCHASING)
    public Response addPrice(@PathParam("id") String id, NewPriceAgreement agreement,
                             @Context SecurityContext caller) {
        Vendor vendor = vendorOf(id);
        PriceAgreement added = vendors.addPrice(vendor.id(), agreement, user(caller));
        return Response.created(URI.create("purchasing/vendors/" + vendor.id() + "/prices")).entity(added).build();
    }

    @POST
    @Path("vendors/{id}/prices/{agreement}/end")
    @RolesAllowed(Roles.PURCHASING)
    public PriceAgreement endPrice(@PathParam("id") String id, @PathParam("agreement") String agreement,
                                   PriceEnd end, @Context SecurityContext caller) {
        return vendors.endPrice(vendorOf(id).id(), id(agreement), end == null ? null : end.validTo(), user(caller));
    }

    // ---------------------------------------------------------------- orders

    /** Orders by id; {@code status}, {@code vendorId} filter, {@code number} finds one. */
    @GET
    @Path("orders")
    @RolesAllowed({Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.FINANCE, Roles.VIEWER, Roles.INVENTORY})
    public Page<PurchaseOrder> orders(@QueryParam("status") String status, @QueryParam("vendorId") String vendor,
                                      @QueryParam("number") String number, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        if (number != null) {
            return new Page<>(orders.orderByNumber(number).map(List::of).orElse(List.of()), null);
        }
        int size = Page.limit(limit, 50);
        return Page.of(orders.orders(status == null ? null : RestParams.enumValue(PurchaseOrderStatus.class, "status",
                status, PurchasingErrors.INVALID), vendor == null ? null : id(vendor), Page.longKey(cursor, 0),
                size + 1), size, PurchaseOrder::id);
    }

    /** An order by its id or its number. */
    @GET
    @Path("orders/{id}")
    @RolesAllowed({Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.FINANCE, Roles.VIEWER, Roles.INVENTORY})
    public PurchaseOrder order(@PathParam("id") String id) {
        return orderOf(id);
    }

    @POST
    @Path("orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PURCHASING)
    public Response createOrder(NewPurchaseOrder order, @Context SecurityContext caller) {
        PurchaseOrder created = orders.createOrder(order, user(caller));
        return Response.created(URI.create("purchasing/orders/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("orders/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PURCHASING)
    public PurchaseOrder changeOrder(@PathParam("id") String id, PurchaseOrderChanges changes,
                                     @Context SecurityContext caller) {
        return orders.changeOrder(orderOf(id).id(), changes, user(caller));
    }

    @POST
    @Path("orders/{id}/approve")
    @RolesAllowed({Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.ADMIN})
    public PurchaseOrder approve(@PathParam("id") String id, @Context SecurityContext caller) {
        Set<String> roles = new TreeSet<>();
        for (String role : List.of(Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.ADMIN)) {
            if (caller.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return orders.approve(orderOf(id).id(), user(caller), roles);
    }

    @POST
    @Path("orders/{id}/send")
    @RolesAllowed(Roles.PURCHASING)
    public PurchaseOrder send(@PathParam("id") String id, @Context SecurityContext caller) {
        return orders.send(orderOf(id).id(), user(caller));
    }

    @POST
    @Path("orders/{id}/cancel")
    @RolesAllowed(Roles.PURCHASING)
    public PurchaseOrder cancel(@PathParam("id") String id, Reason reason, @Context SecurityContext caller) {
        return orders.cancel(orderOf(id).id(), reason == null ? null : reason.reason(), user(caller));
    }

    @GET
    @Path("orders/{id}/receipts")
    @RolesAllowed({Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.FINANCE, Roles.VIEWER, Roles.INVENTORY})
    public List<GoodsReceipt> receipts(@PathParam("id") String id) {
        return receipts.receipts(orderOf(id).id());
    }

    @POST
    @Path("orders/{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PURCHASING, Roles.INVENTORY})
    public Response receive(@PathParam("id") String id, NewGoodsReceipt receipt, @Context SecurityContext caller) {
        PurchaseOrder order = orderOf(id);
        GoodsReceipt received = receipts.receive(order.id(), receipt, user(caller));
        return Response.created(URI.create("purchasing/orders/" + order.id() + "/receipts")).entity(received).build();
    }

    @POST
    @Path("orders/{id}/close")
    @RolesAllowed(Roles.PURCHASING)
    public PurchaseOrder close(@PathParam("id") String id, Reason reason, @Context SecurityContext caller) {
        return orders.close(orderOf(id).id(), reason == null ? null : reason.reason(), user(caller));
    }

    /** Draft orders from the inventory's reorder suggestions, one per preferred vendor. */
    @POST
    @Path("orders/from-reorder")
    @RolesAllowed(Roles.PURCHASING)
    public ReorderOrders fromReorder(Reorder reorder, @Context SecurityContext caller) {
        return orders.fromReorder(reorder == null ? null : reorder.warehouse(), user(caller));
    }

    // ---------------------------------------------------------------- bills

    /** Bills by id; {@code status} (held, open, partially-paid, paid, cancelled) and {@code vendor} filter. */
    @GET
    @Path("bills")
    @RolesAllowed({Roles.FINANCE, Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.VIEWER})
    public Page<VendorBill> bills(@QueryParam("status") String status, @QueryParam("vendor") String vendor,
                                  @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(bills.bills(status == null ? null : billStatus(status), vendor == null ? null
                : vendorOf(vendor).id(), Page.longKey(cursor, 0), size + 1), size, VendorBill::id);
    }

    /** What is still owed on posted bills, oldest due first; {@code vendor} filters. */
    @GET
    @Path("bills/open")
    @RolesAllowed({Roles.FINANCE, Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.VIEWER})
    public List<VendorBill> openItems(@QueryParam("vendor") String vendor) {
        return bills.openItems(vendor == null ? null : vendorOf(vendor).id());
    }

    @GET
    @Path("bills/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.PURCHASING, Roles.PURCHASING_APPROVER, Roles.VIEWER})
    public VendorBill bill(@PathParam("id") String id) {
        return billOf(id);
    }

    /** Enters a vendor's bill: 201 with status open when it matched, held (with each line's reason) when not. */
    @POST
    @Path("bills")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response enterBill(NewVendorBill bill, @Context SecurityContext caller) {
        VendorBill entered = bills.enter(bill, user(caller));
        return Response.created(URI.create("purchasing/bills/" + entered.id())).entity(entered).build();
    }

    @POST
    @Path("bills/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PURCHASING_APPROVER, Roles.ADMIN})
    public VendorBill release(@PathParam("id") String id, Release release, @Context SecurityContext caller) {
        Set<String> roles = new TreeSet<>();
        for (String role : List.of(Roles.PURCHASING_APPROVER, Roles.ADMIN)) {
            if (caller.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return bills.release(billOf(id).id(), release == null ? null : release.note(), user(caller), roles);
    }

    @POST
    @Path("bills/{id}/cancel")
    @RolesAllowed({Roles.FINANCE, Roles.PURCHASING_APPROVER})
    public VendorBill cancelBill(@PathParam("id") String id, Reason reason, @Context SecurityContext caller) {
        return bills.cancel(billOf(id).id(), reason == null ? null : reason.reason(), user(caller));
    }

    // ---------------------------------------------------------------- payments and aging

    @GET
    @Path("payments")
    @RolesAllowed({Roles.FINANCE, Roles.PURCHASING_APPROVER, Roles.VIEWER})
    public Page<VendorPayment> payments(@QueryParam("vendor") String vendor, @QueryParam("limit") String limit,
                                        @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(payments.payments(vendor == null ? null : vendorOf(vendor).id(), Page.longKey(cursor, 0),
                size + 1), size, VendorPayment::id);
    }

    @GET
    @Path("payments/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.PURCHASING_APPROVER, Roles.VIEWER})
    public VendorPayment payment(@PathParam("id") String id) {
        return payments.payment(id(id)).orElseThrow(() -> new TesseraException(PurchasingErrors.PAYMENT_NOT_FOUND,
                "No vendor payment " + id));
    }

    @POST
    @Path("payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response pay(NewVendorPayment payment, @Context SecurityContext caller) {
        VendorPayment made = payments.pay(payment, user(caller));
        return Response.created(URI.create("purchasing/payments/" + made.id())).entity(made).build();
    }

    /** Accounts payable aging at the end of {@code asOf} (today when absent). */
    @GET
    @Path("aging")
    @RolesAllowed({Roles.FINANCE, Roles.PURCHASING_APPROVER, Roles.VIEWER})
    public List<AgingLine> aging(@QueryParam("asOf") String asOf) {
        return payments.aging(asOf == null ? LocalDate.now() : RestParams.date("asOf", asOf,
                PurchasingErrors.INVALID));
    }

    // ---------------------------------------------------------------- plumbing

    /** A bill by id (digits) or number. */
    private VendorBill billOf(String id) {
        String key = id.trim();
        return (key.matches("\\d{1,18}") ? bills.bill(Long.parseLong(key)) : bills.billByNumber(key))
                .orElseThrow(() -> new TesseraException(PurchasingErrors.BILL_NOT_FOUND, "No vendor bill " + id));
    }

    private static BillStatus billStatus(String value) {
        try {
            return BillStatus.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new dev.tessera.platform.api.ValidationException(PurchasingErrors.INVALID, "Unknown bill status",
                    List.of(new dev.tessera.platform.api.FieldError("status", "is one of held, open, partially-paid,"
                            + " paid, cancelled; not '" + value + "'")));
        }
    }

    /** A vendor by id (digits) or code. */
    private Vendor vendorOf(String id) {
        String key = id.trim();
        return (key.matches("\\d{1,18}") ? vendors.vendor(Long.parseLong(key)) : vendors.vendorByCode(key))
                .orElseThrow(() -> new TesseraException(PurchasingErrors.VENDOR_NOT_FOUND, "No vendor " + id));
    }

    /** An order by id (digits) or number. */
    private PurchaseOrder orderOf(String id) {
        String key = id.trim();
        return (key.matches("\\d{1,18}") ? orders.order(Long.parseLong(key)) : orders.orderByNumber(key))
                .orElseThrow(() -> new TesseraException(PurchasingErrors.ORDER_NOT_FOUND, "No purchase order " + id));
    }

    private static Boolean bool(String name, String value) {
        return RestParams.bool(name, value, PurchasingErrors.INVALID);
    }

    private static String user(SecurityContext caller) {
        return RestParams.user(caller);
    }

    private static long id(String id) {
        return RestParams.id(id, PurchasingErrors.INVALID);
    }
}
