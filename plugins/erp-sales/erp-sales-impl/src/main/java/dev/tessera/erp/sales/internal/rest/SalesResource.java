package dev.tessera.erp.sales.internal.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

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

import dev.tessera.erp.sales.api.Aging;
import dev.tessera.erp.sales.api.Billing;
import dev.tessera.erp.sales.api.CreditLine;
import dev.tessera.erp.sales.api.CustomerBilling;
import dev.tessera.erp.sales.api.Customers;
import dev.tessera.erp.sales.api.Invoice;
import dev.tessera.erp.sales.api.InvoiceStatus;
import dev.tessera.erp.sales.api.NewBilling;
import dev.tessera.erp.sales.api.NewOrder;
import dev.tessera.erp.sales.api.NewPayment;
import dev.tessera.erp.sales.api.OrderStatus;
import dev.tessera.erp.sales.api.Orders;
import dev.tessera.erp.sales.api.Payment;
import dev.tessera.erp.sales.api.SalesErrors;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.erp.sales.api.ShipLine;
import dev.tessera.erp.sales.api.Shipment;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.RestApi;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.rest.RestParams;

/**
 * {@code /api/v1/sales}: customers' billing terms, orders and shipments, invoices, credit notes, payments and aging.
 * {@code sales} writes orders and shipments; {@code finance} writes billing terms, invoices, credit notes and
 * payments; {@code sales}, {@code finance} and {@code viewer} read.
 */
@Component(service = SalesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("sales")
@Produces(MediaType.APPLICATION_JSON)
public final class SalesResource {
    /** Why an order is cancelled. */
    /** How many invoices an overdue check newly reported as overdue. */
    public record OverdueCheck(int reported) {
    }

    public record Reason(String reason) {
    }

    /** What to ship; no lines ships everything left. */
    public record ShipmentRequest(List<ShipLine> lines) {
    }

    /** The invoice's date (today by default). */
    public record InvoiceRequest(LocalDate issueDate) {
    }

    /** Money received for one invoice; more than is open is kept as the customer's credit. */
    public record PaymentRequest(BigDecimal amount, String currency, LocalDate receivedOn, String reference) {
    }

    /** What to credit (everything still credited-free when no lines) and why. */
    public record CreditRequest(List<CreditLine> lines, String reason) {
    }

    private final Customers customers;
    private final Orders orders;
    private final Billing billing;

    @Activate
    public SalesResource(@Reference Customers customers, @Reference Orders orders, @Reference Billing billing) {
        this.customers = customers;
        this.orders = orders;
        this.billing = billing;
    }

    // ---------------------------------------------------------------- customers

    @GET
    @Path("customers")
    @RolesAllowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public Page<CustomerBilling> customers(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(customers.customers(Page.longKey(cursor, 0), size + 1), size, CustomerBilling::accountId);
    }

    @GET
    @Path("customers/{accountId}/billing")
    @RolesAllowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public CustomerBilling billing(@PathParam("accountId") String accountId) {
        return customers.billing(id(accountId)).orElseThrow(() -> new TesseraException(SalesErrors.CUSTOMER_NOT_FOUND,
                "No billing terms for account " + accountId + " yet; PUT them, or order for it first"));
    }

    @PUT
    @Path("customers/{accountId}/billing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public CustomerBilling setBilling(@PathParam("accountId") String accountId, NewBilling billing,
                                      @Context SecurityContext caller) {
        return customers.setBilling(id(accountId), billing, user(caller));
    }

    // ---------------------------------------------------------------- orders

    @GET
    @Path("orders")
    @RolesAllowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public Page<SalesOrder> orders(@QueryParam("status") String status, @QueryParam("accountId") String account,
                                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(orders.orders(status == null ? null : parse(OrderStatus.class, "status", status),
                account == null ? null : id(account), Page.longKey(cursor, 0), size + 1), size, SalesOrder::id);
    }

    @GET
    @Path("orders/{id}")
    @RolesAllowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public SalesOrder order(@PathParam("id") String id) {
        return orders.order(id(id)).orElseThrow(() -> new TesseraException(SalesErrors.ORDER_NOT_FOUND, "No order " + id));
    }

    @POST
    @Path("orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Response createOrder(NewOrder order, @Context SecurityContext caller) {
        SalesOrder created = orders.createOrder(order, user(caller));
        return Response.created(URI.create("sales/orders/" + created.id())).entity(created).build();
    }

    @POST
    @Path("orders/{id}/confirm")
    @RolesAllowed(Roles.SALES)
    public SalesOrder confirm(@PathParam("id") String id, @Context SecurityContext caller) {
        return orders.confirm(id(id), user(caller));
    }

    @POST
    @Path("orders/{id}/cancel")
    @RolesAllowed(Roles.SALES)
    public SalesOrder cancel(@PathParam("id") String id, Reason reason, @Context SecurityContext caller) {
        return orders.cancel(id(id), reason == null ? null : reason.reason(), user(caller));
    }

    @GET
    @Path("orders/{id}/shipments")
    @RolesAllowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public List<Shipment> shipments(@PathParam("id") String id) {
        return orders.shipments(id(id));
    }

    @POST
    @Path("orders/{id}/shipments")
    @RolesAllowed({Roles.SALES, Roles.INVENTORY})
    public Response ship(@PathParam("id") String id, ShipmentRequest request, @Context SecurityContext caller) {
        Shipment shipment = orders.ship(id(id), request == null ? null : request.lines(), user(caller));
        return Response.created(URI.create("sales/orders/" + id + "/shipments")).entity(shipment).build();
    }

    @POST
    @Path("orders/{id}/invoices")
    @RolesAllowed(Roles.FINANCE)
    public Response invoice(@PathParam("id") String id, InvoiceRequest request, @Context SecurityContext caller) {
        Invoice invoice = billing.invoiceOrder(id(id), request == null ? null : request.issueDate(), user(caller));
        return Response.created(URI.create("sales/invoices/" + invoice.id())).entity(invoice).build();
    }

    // ---------------------------------------------------------------- invoices and payments

    @GET
    @Path("invoices")
    @RolesAllowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public Page<Invoice> invoices(@QueryParam("status") String status, @QueryParam("accountId") String account,
                                  @QueryParam("number") String number, @QueryParam("limit") String limit,
                                  @QueryParam("cursor") String cursor) {
        if (number != null) {
            return new Page<>(billing.invoiceByNumber(number).map(List::of).orElse(List.of()), null);
        }
        int size = Page.limit(limit, 50);
        return Page.of(billing.invoices(status == null ? null : parse(InvoiceStatus.class, "status", status),
                account == null ? null : id(account), Page.longKey(cursor, 0), size + 1), size, Invoice::id);
    }

    @GET
    @Path("invoices/{id}")
    @RolesAllowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public Invoice invoice(@PathParam("id") String id) {
        return billing.invoice(id(id)).orElseThrow(() -> new TesseraException(SalesErrors.INVOICE_NOT_FOUND,
                "No invoice " + id));
    }

    @POST
    @Path("invoices/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response pay(@PathParam("id") String id, PaymentRequest request, @Context SecurityContext caller) {
        if (request == null) {
            throw new ValidationException(SalesErrors.INVALID, "The payment is required",
                    List.of(new FieldError("amount", "is required")));
        }
        Invoice invoice = invoice(id);
        Payment payment = billing.receivePayment(new NewPayment(invoice.accountId(), request.amount(),
                request.currency() == null ? invoice.currency() : request.currency(), request.receivedOn(),
                request.reference(), List.of(invoice.id())), user(caller));
        return Response.created(URI.create("sales/payments/" + payment.id())).entity(payment).build();
    }

    @POST
    @Path("invoices/{id}/credit-notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response credit(@PathParam("id") String id, CreditRequest request, @Context SecurityContext caller) {
        Invoice note = billing.creditNote(id(id), request == null ? null : request.lines(),
                request == null ? null : request.reason(), user(caller));
        return Response.created(URI.create("sales/invoices/" + note.id())).entity(note).build();
    }

    @POST
    @Path("payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response receive(NewPayment payment, @Context SecurityContext caller) {
        Payment received = billing.receivePayment(payment, user(caller));
        return Response.created(URI.create("sales/payments/" + received.id())).entity(received).build();
    }

    @GET
    @Path("payments")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public List<Payment> payments(@QueryParam("accountId") @NotNull String account) {
        if (account == null) {
            throw new ValidationException(SalesErrors.INVALID, "Name the customer whose payments to list",
                    List.of(new FieldError("accountId", "is required")));
        }
        return billing.payments(id(account));
    }

    @GET
    @Path("aging")
    @RolesAllowed({Roles.FINANCE, Roles.SALES, Roles.VIEWER})
    public Aging aging(@QueryParam("asOf") String asOf) {
        return billing.aging(asOf == null ? null : date("asOf", asOf));
    }

    @POST
    @Path("overdue-check")
    @RolesAllowed(Roles.FINANCE)
    public OverdueCheck overdue() {
        return new OverdueCheck(billing.markOverdue(null));
    }

    // ---------------------------------------------------------------- plumbing

    private static String user(SecurityContext caller) {
        return RestParams.user(caller);
    }

    private static long id(String id) {
        return RestParams.id(id, SalesErrors.INVALID);
    }

    private static LocalDate date(String name, String value) {
        return RestParams.date(name, value, SalesErrors.INVALID);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        return RestParams.enumValue(type, name, value, SalesErrors.INVALID);
    }
}
