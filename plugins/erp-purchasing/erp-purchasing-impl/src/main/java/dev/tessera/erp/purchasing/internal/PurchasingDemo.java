package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.purchasing.api.GoodsReceipts;
import dev.tessera.erp.purchasing.api.NewGoodsReceipt;
import dev.tessera.erp.purchasing.api.NewPriceAgreement;
import dev.tessera.erp.purchasing.api.NewPurchaseOrder;
import dev.tessera.erp.purchasing.api.NewPurchaseOrderLine;
import dev.tessera.erp.purchasing.api.NewVendor;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrders;
import dev.tessera.erp.purchasing.api.ReceiveLine;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.Vendors;
import dev.tessera.platform.api.DemoData;
import dev.tessera.platform.api.Roles;

/**
 * The demo company's suppliers: a pottery selling mugs (cheaper from 100) and a roaster selling coffee beans, each
 * with price agreements for the inventory's demo items; one order to the pottery approved and sent, part of it
 * received into the DEMO warehouse. What exists already is left alone, so loading again adds nothing twice.
 */
@Component(service = DemoData.class)
public final class PurchasingDemo implements DemoData {
    private static final String ACTOR = "system:demo";
    private static final String APPROVER = "system:demo-approver";
    private static final String WAREHOUSE = "DEMO";

    private final Vendors vendors;
    private final PurchaseOrders orders;
    private final GoodsReceipts receipts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Catalog catalog;

    @Activate
    public PurchasingDemo(@Reference Vendors vendors, @Reference PurchaseOrders orders,
                          @Reference GoodsReceipts receipts) {
        this.vendors = vendors;
        this.orders = orders;
        this.receipts = receipts;
    }

    @Override
    public String moduleId() {
        return "erp-purchasing";
    }

    @Override
    public Set<String> after() {
        return Set.of("erp-inventory", "erp-ledger");
    }

    @Override
    public String load() {
        Catalog items = catalog;
        boolean demoItems = items != null && items.item("MUG-1").isPresent() && items.item("BEANS-1KG").isPresent();
        Vendor pottery = vendor("POTTERY", "Stoneware Pottery Ltd", 14, "Mia Potter", "orders@stoneware.example");
        Vendor roaster = vendor("ROASTER", "Highland Coffee Roasters", 5, "Sam Bean", "sales@highland.example");
        if (!demoItems) {
            return "vendors POTTERY and ROASTER; no price agreements or orders: load the erp-inventory demo too";
        }
        LocalDate start = LocalDate.now().withDayOfYear(1);
        price(pottery, "MUG-1", "2.40", null, start);
        price(pottery, "MUG-1", "2.10", "100", start);
        price(roaster, "BEANS-1KG", "8.20", null, start);
        price(roaster, "BEANS-1KG", "7.90", "50", start);
        if (orders.orders(null, pottery.id(), 0, 1).isEmpty()) {
            PurchaseOrder order = orders.createOrder(new NewPurchaseOrder(pottery.id(), null, null, WAREHOUSE, List.of(
                    new NewPurchaseOrderLine("MUG-1", null, new BigDecimal("200"), null, "VAT19", null, null),
                    new NewPurchaseOrderLine(null, "Freight", BigDecimal.ONE, new BigDecimal("35.00"), "VAT19", null,
                            null)), "Restock of the coffee mugs"), ACTOR);
            order = orders.approve(order.id(), APPROVER, Set.of(Roles.PURCHASING_APPROVER));
            order = orders.send(order.id(), ACTOR);
            receipts.receive(order.id(), new NewGoodsReceipt(List.of(new ReceiveLine(1, new BigDecimal("120"), null,
                    null, null), new ReceiveLine(2, BigDecimal.ONE, null, null, null)), null), ACTOR);
        }
        return "vendors POTTERY and ROASTER with price agreements; one order to POTTERY approved, sent and partly"
                + " received (purchasing:vendors, purchasing:orders)";
    }

    private Vendor vendor(String code, String name, int leadTime, String contact, String email) {
        return vendors.vendorByCode(code).orElseGet(() -> vendors.createVendor(new NewVendor(code, name, "EUR", 30,
                null, leadTime, contact, email), ACTOR));
    }

    private void price(Vendor vendor, String sku, String price, String from, LocalDate validFrom) {
        BigDecimal min = from == null ? BigDecimal.ZERO : new BigDecimal(from);
        boolean known = vendors.prices(vendor.id(), sku, false).stream()
                .anyMatch(p -> p.minQuantity().compareTo(min) == 0);
        if (!known) {
            vendors.addPrice(vendor.id(), new NewPriceAgreement(sku, new BigDecimal(price), null,
                    from == null ? null : min, null, validFrom, null), ACTOR);
        }
    }
}
