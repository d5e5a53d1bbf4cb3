package dev.tessera.erp.sales.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.sales.api.Billing;
import dev.tessera.erp.sales.api.CustomerBilling;
import dev.tessera.erp.sales.api.Customers;
import dev.tessera.erp.sales.api.Invoice;
import dev.tessera.erp.sales.api.NewBilling;
import dev.tessera.erp.sales.api.NewOrder;
import dev.tessera.erp.sales.api.NewOrderLine;
import dev.tessera.erp.sales.api.NewPayment;
import dev.tessera.erp.sales.api.OrderLine;
import dev.tessera.erp.sales.api.OrderStatus;
import dev.tessera.erp.sales.api.Orders;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.platform.api.DemoData;

/**
 * The demo company's last months in sales, on the pipeline's demo customers (their copies arrive from its events):
 * Northwind's order from its accepted quote shipped, invoiced 75 days ago and partly paid (overdue); Contoso's
 * coffee beans shipped, invoiced and paid; Fabrikam's yearly coffee service invoiced today (its renewal planned in
 * the pipeline). The ledger books each from the events. Loading again adds nothing twice.
 */
@Component(service = DemoData.class)
public final class SalesDemo implements DemoData {
    private static final String ACTOR = "system:demo";
    private static final List<String> CUSTOMERS = List.of("Northwind Traders", "Contoso Cafés", "Fabrikam Offices");

    private final Customers customers;
    private final Orders orders;
    private final Billing billing;
    private final OrdersImpl sales;

    @Activate
    public SalesDemo(@Reference Customers customers, @Reference Orders orders, @Reference Billing billing,
                     @Reference OrdersImpl sales) {
        this.customers = customers;
        this.orders = orders;
        this.billing = billing;
        this.sales = sales;
    }

    @Override
    public String moduleId() {
        return "erp-sales";
    }

    @Override
    public Set<String> after() {
        return Set.of("crm-pipeline", "erp-inventory", "erp-ledger");
    }

    @Override
    public String load() {
        Map<String, CustomerBilling> known = await(() -> {
            Map<String, CustomerBilling> byName = customers.customers(0, 10_000).stream()
                    .filter(c -> CUSTOMERS.contains(c.name()))
                    .collect(Collectors.toMap(CustomerBilling::name, Function.identity(), (a, b) -> a));
            return byName.size() == CUSTOMERS.size() ? byName : null;
        });
        if (known == null) {
            return "no demo customers: load the crm-pipeline demo too (its accounts become sales' customers)";
        }
        if (known.values().stream().anyMatch(c -> !orders.orders(null, c.accountId(), 0, 1000).stream()
                .filter(o -> o.quoteId() == null).toList().isEmpty())) {
            return summary();
        }
        LocalDate today = LocalDate.now();
        LocalDate yearStart = today.withDayOfYear(1);
        boolean stock = sales.integrations().getOrDefault("stock", false);

        CustomerBilling contoso = known.get("Contoso Cafés");
        customers.setBilling(contoso.accountId(), new NewBilling(null, "CHE-123.456.789", 14, new BigDecimal("5000"),
                null, "Rue du Marché 4, 1204 Genève"), ACTOR);

        // Northwind: the order of the accepted quote, shipped and invoiced 75 days ago, partly paid
        CustomerBilling northwind = known.get("Northwind Traders");
        SalesOrder order = await(() -> orders.orders(null, northwind.accountId(), 0, 1000).stream()
                .filter(o -> o.quoteId() != null && o.status() != OrderStatus.DRAFT).findFirst().orElse(null));
        if (order != null) {
            if (stock && order.lines().stream().anyMatch(OrderLine::stocked)) {
                orders.ship(order.id(), List.of(), ACTOR);
            }
            Invoice invoice = billing.invoiceOrder(order.id(), later(today.minusDays(75), yearStart), ACTOR);
            billing.receivePayment(new NewPayment(northwind.accountId(), new BigDecimal("500.00"), invoice.currency(),
                    later(today.minusDays(30), yearStart), "NW transfer 0815", List.of(invoice.id())), ACTOR);
        }

        // Contoso: coffee beans ordered, shipped, invoiced 40 days ago and paid
        SalesOrder beans = orders.createOrder(new NewOrder(contoso.accountId(), null, List.of(stock
                ? new NewOrderLine("BEANS-1KG", null, new BigDecimal("10"), null, null, null, null)
                : new NewOrderLine(null, "Coffee beans, 1 kg", new BigDecimal("10"), new BigDecimal("24.00"), null,
                null, null))), ACTOR);
        beans = orders.confirm(beans.id(), ACTOR);
        if (beans.lines().get(0).stocked()) {
            orders.ship(beans.id(), List.of(), ACTOR);
        }
        Invoice paid = billing.invoiceOrder(beans.id(), later(today.minusDays(40), yearStart), ACTOR);
        billing.receivePayment(new NewPayment(contoso.accountId(), paid.gross(), paid.currency(),
                later(today.minusDays(20), yearStart), "Contoso 2231", List.of(paid.id())), ACTOR);

        // Fabrikam: a year of office coffee service, invoiced today; its renewal shows up in the pipeline
        CustomerBilling fabrikam = known.get("Fabrikam Offices");
        SalesOrder service = orders.createOrder(new NewOrder(fabrikam.accountId(), null, List.of(new NewOrderLine(null,
                "Office coffee service", BigDecimal.ONE, new BigDecimal("6000.00"), null, null, 12))), ACTOR);
        service = orders.confirm(service.id(), ACTOR);
        billing.invoiceOrder(service.id(), today, ACTOR);
        return summary();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Waits up to 30 s for the pipeline's events to bring what the demo builds on; null if they do not. */
    private static <T> T await(java.util.function.Supplier<T> found) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            T value = found.get();
            if (value != null || System.currentTimeMillis() > deadline) {
                return value;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static String summary() {
        return "orders for 3 customers, shipped and invoiced over the last months: one overdue and partly paid, one"
                + " paid, one open (sales:orders, sales:invoices, sales:aging)";
    }
}
