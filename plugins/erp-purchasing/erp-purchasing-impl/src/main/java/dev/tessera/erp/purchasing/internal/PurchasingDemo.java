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
import dev.tessera.erp.purchasing.api.NewBillLine;
import dev.tessera.erp.purchasing.api.NewGoodsReceipt;
import dev.tessera.erp.purchasing.api.NewPaymentAllocation;
import dev.tessera.erp.purchasing.api.NewPriceAgreement;
import dev.tessera.erp.purchasing.api.NewPurchaseOrder;
import dev.tessera.erp.purchasing.api.NewPurchaseOrderLine;
import dev.tessera.erp.purchasing.api.NewVendor;
import dev.tessera.erp.purchasing.api.NewVendorBill;
import dev.tessera.erp.purchasing.api.NewVendorPayment;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrders;
import dev.tessera.erp.purchasing.api.ReceiveLine;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.VendorBill;
import dev.tessera.erp.purchasing.api.VendorBills;
import dev.tessera.erp.purchasing.api.VendorPayments;
import dev.tessera.erp.purchasing.api.Vendors;
import dev.tessera.platform.api.DemoData;
import dev.tessera.platform.api.Roles;

/**
 * The demo company's suppliers: a pottery selling mugs (cheaper from 100) and a roaster selling coffee beans, each
 * with price agreements for the inventory's demo items. One order to the pottery approved, sent, part of it
 * received into the DEMO warehouse, billed 45 days ago (matched and posted) and paid in part, the rest overdue; one
 * order to the roaster received in full, whose bill came at a higher price than agreed and is held for an approver.
 * What exists already is left alone, so loading again adds nothing twice.
 */
@Component(service = DemoData.class)
public final class PurchasingDemo implements DemoData {
    private static final String ACTOR = "system:demo";
    private static final String APPROVER = "system:demo-approver";
    private static final String FINANCE = "system:demo-finance";
    private static final String WAREHOUSE = "DEMO";

    private final Vendors vendors;
    private final PurchaseOrders orders;
    private final GoodsReceipts receipts;
    private final VendorBills bills;
    private final VendorPayments payments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Catalog catalog;

    @Activate
    public PurchasingDemo(@Reference Vendors vendors, @Reference PurchaseOrders orders,
                          @Reference GoodsReceipts receipts, @Reference VendorBills bills,
                          @Reference VendorPayments payments) {
        this.vendors = vendors;
        this.orders = orders;
        this.receipts = receipts;
        this.bills = bills;
        this.payments = payments;
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
            // billed 45 days ago on 30 days' terms and paid in part: the rest is 15 days overdue in the aging
            VendorBill bill = bills.enter(new NewVendorBill(order.id(), null, "SP-10422",
                    LocalDate.now().minusDays(45), null, List.of(new NewBillLine(1, new BigDecimal("120"), null, null),
                    new NewBillLine(2, BigDecimal.ONE, null, null)), null), FINANCE);
            payments.pay(new NewVendorPayment(pottery.id(), null, null, null, null, "Bank transfer",
                    List.of(new NewPaymentAllocation(bill.id(), null, new BigDecimal("200.00")))), FINANCE);
        }
        if (orders.orders(null, roaster.id(), 0, 1).isEmpty()) {
            PurchaseOrder order = orders.createOrder(new NewPurchaseOrder(roaster.id(), null, null, WAREHOUSE, List.of(
                    new NewPurchaseOrderLine("BEANS-1KG", null, new BigDecimal("60"), null, "VAT7", null, null)),
                    "Coffee beans for the quarter"), ACTOR);
            order = orders.approve(order.id(), ACTOR, Set.of(Roles.PURCHASING));
            order = orders.send(order.id(), ACTOR);
            receipts.receive(order.id(), new NewGoodsReceipt(List.of(new ReceiveLine(1, new BigDecimal("60"), null,
                    null, null)), null), ACTOR);
            // 8.30 against the agreed 7.90 is 5 % more, beyond the tolerance: the bill is held for an approver
            bills.enter(new NewVendorBill(order.id(), null, "HCR-2291", null, null, List.of(new NewBillLine(1,
                    new BigDecimal("60"), new BigDecimal("8.30"), null)), null), FINANCE);
        }
        return "vendors POTTERY and ROASTER with price agreements; an order to POTTERY partly received, billed and"
                + " partly paid, the rest overdue; an order to ROASTER received, its bill held for its price"
                + " (purchasing:orders, purchasing:bills, purchasing:aging)";
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
