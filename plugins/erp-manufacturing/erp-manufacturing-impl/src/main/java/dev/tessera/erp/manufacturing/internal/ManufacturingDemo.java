package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.erp.manufacturing.api.Boms;
import dev.tessera.erp.manufacturing.api.IssueLine;
import dev.tessera.erp.manufacturing.api.NewBom;
import dev.tessera.erp.manufacturing.api.NewBomComponent;
import dev.tessera.erp.manufacturing.api.NewBomOperation;
import dev.tessera.erp.manufacturing.api.NewWorkCenter;
import dev.tessera.erp.manufacturing.api.NewWorkOrder;
import dev.tessera.erp.manufacturing.api.OperationTime;
import dev.tessera.erp.manufacturing.api.WorkCenters;
import dev.tessera.erp.manufacturing.api.WorkOrder;
import dev.tessera.erp.manufacturing.api.WorkOrders;
import dev.tessera.platform.api.DemoData;

/**
 * The demo company's own product, three levels deep: a coffee gift set (two mugs, a bag of beans and a printed gift
 * box, packed) whose gift box is printed two at a time from cardboard (10 % scrap) and ink. Two work centers,
 * printing and packing. Opening stock of cardboard and ink, a work order of ten gift boxes made (a sheet spoiled, the
 * press slower than planned) and closed, one of five gift sets released, and a dozen gift sets to keep in stock,
 * which an MRP run plans with what they need. What
 * exists already is left alone, so loading again adds nothing twice.
 */
@Component(service = DemoData.class)
public final class ManufacturingDemo implements DemoData {
    private static final String ACTOR = "system:demo";

    private static final String WAREHOUSE = "DEMO";

    private final WorkCenters centers;
    private final Boms boms;
    private final WorkOrders orders;
    private final Catalog catalog;
    private final StockService stock;

    @Activate
    public ManufacturingDemo(@Reference WorkCenters centers, @Reference Boms boms, @Reference WorkOrders orders,
                             @Reference Catalog catalog, @Reference StockService stock) {
        this.centers = centers;
        this.boms = boms;
        this.orders = orders;
        this.catalog = catalog;
        this.stock = stock;
    }

    @Override
    public String moduleId() {
        return "erp-manufacturing";
    }

    @Override
    public Set<String> after() {
        return Set.of("erp-inventory", "erp-sales", "erp-purchasing");
    }

    @Override
    public String load() {
        center("PRINTING", "Printing press", "36.00", "2.00", "8");
        center("PACKING", "Packing table", "24.00", "0", "7.5");
        item("CARD-SHEET", "Cardboard sheet", "pcs", "0.40");
        item("INK-CL", "Printing ink, centilitre", "cl", "0.15");
        item("GIFT-BOX", "Printed gift box", "pcs", null);
        item("GIFT-SET", "Coffee gift set", "pcs", null, "12");
        if (boms.revisions("GIFT-BOX").isEmpty()) {
            boms.create(new NewBom("GIFT-BOX", new BigDecimal(2), false, null, "printed two at a time",
                    List.of(new NewBomComponent("CARD-SHEET", new BigDecimal(3), BigDecimal.TEN),
                            new NewBomComponent("INK-CL", new BigDecimal(4), null)),
                    List.of(new NewBomOperation("PRINTING", "print and fold", new BigDecimal("0.25"),
                            new BigDecimal("0.05"), null))), ACTOR);
        }
        if (boms.revisions("GIFT-SET").isEmpty()) {
            List<NewBomComponent> parts = new ArrayList<>();
            if (catalog.item("MUG-1").isPresent()) {
                parts.add(new NewBomComponent("MUG-1", new BigDecimal(2), null));
            }
            if (catalog.item("BEANS-1KG").isPresent()) {
                parts.add(new NewBomComponent("BEANS-1KG", BigDecimal.ONE, null));
            }
            parts.add(new NewBomComponent("GIFT-BOX", BigDecimal.ONE, null));
            boms.create(new NewBom("GIFT-SET", BigDecimal.ONE, false, null, null, parts,
                    List.of(new NewBomOperation("PACKING", "pack and seal", null, new BigDecimal("0.1"), null))),
                    ACTOR);
        }
        String made = "";
        if (orders.workOrders(null, null, 0, 1).isEmpty()
                && stock.warehouses().stream().anyMatch(w -> w.code().equals(WAREHOUSE))) {
            receive("CARD-SHEET", "100", "0.40");
            receive("INK-CL", "200", "0.15");
            // ten gift boxes printed, a sheet spoiled, the press slower than planned: closed with its variances
            WorkOrder boxes = orders.create(new NewWorkOrder("GIFT-BOX", BigDecimal.TEN, WAREHOUSE, null,
                    "boxes for the gift sets"), ACTOR);
            orders.release(boxes.id(), ACTOR);
            orders.issue(boxes.id(), List.of(), ACTOR);
            orders.issue(boxes.id(), List.of(new IssueLine("CARD-SHEET", BigDecimal.ONE, null, true)), ACTOR);
            orders.recordTime(boxes.id(), List.of(new OperationTime(10, new BigDecimal("2"))), ACTOR);
            orders.complete(boxes.id(), BigDecimal.TEN, null, ACTOR);
            orders.close(boxes.id(), ACTOR);
            // five gift sets released: mugs, beans and boxes reserved in DEMO
            if (catalog.item("MUG-1").isPresent() && catalog.item("BEANS-1KG").isPresent()) {
                WorkOrder sets = orders.create(new NewWorkOrder("GIFT-SET", new BigDecimal(5), WAREHOUSE,
                        LocalDate.now().plusDays(7), "for the Christmas market"), ACTOR);
                orders.release(sets.id(), ACTOR);
            }
            made = "; a work order of ten gift boxes made and closed, one of five gift sets released"
                    + " (manufacturing:work-orders)";
        }
        // no MRP run here: modules enabled with a profile may load their demos after this one, and a plan made
        // before their orders exist would be wrong; a planner runs it (manufacturing:mrp-run)
        made += "; a dozen gift sets to keep in stock, which manufacturing:mrp-run plans";
        return "work centers PRINTING and PACKING, the gift set GIFT-SET made from a printed GIFT-BOX, mugs and beans"
                + " (manufacturing:explosion GIFT-SET, manufacturing:cost GIFT-SET)" + made;
    }

    private void receive(String sku, String quantity, String cost) {
        if (stock.moves(sku, 0, 1).isEmpty()) {
            stock.receive(new Receipt(sku, WAREHOUSE, null, null, new BigDecimal(quantity), new BigDecimal(cost),
                    "demo opening stock"), ACTOR);
        }
    }

    private void center(String code, String name, String perHour, String perBatch, String hours) {
        if (centers.workCenter(code).isEmpty()) {
            centers.create(new NewWorkCenter(code, name, new BigDecimal(perHour), new BigDecimal(perBatch),
                    new BigDecimal(hours)), ACTOR);
        }
    }

    private void item(String sku, String name, String uom, String standardCost) {
        item(sku, name, uom, standardCost, "0");
    }

    /** An item of the demo; {@code reorderPoint}: the stock the plan keeps (MRP's safety stock). */
    private void item(String sku, String name, String uom, String standardCost, String reorderPoint) {
        if (catalog.item(sku).isEmpty()) {
            catalog.createItem(new NewItem(sku, name, uom, "demo", false, standardCost == null ? ValuationMethod.FIFO
                    : ValuationMethod.STANDARD, standardCost == null ? null : new BigDecimal(standardCost),
                    new BigDecimal(reorderPoint), BigDecimal.ZERO), ACTOR);
        }
    }
}
