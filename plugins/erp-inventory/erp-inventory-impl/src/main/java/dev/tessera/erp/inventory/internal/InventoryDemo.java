package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.PriceList;
import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.platform.api.DemoData;

/**
 * The demo company's warehouse: three items valued three ways, a retail price list and opening stock. What exists
 * already is left alone, so loading again adds nothing twice.
 */
@Component(service = DemoData.class)
public final class InventoryDemo implements DemoData {
    private static final String WAREHOUSE = "DEMO";

    private final Catalog catalog;
    private final StockService stock;

    @Activate
    public InventoryDemo(@Reference Catalog catalog, @Reference StockService stock) {
        this.catalog = catalog;
        this.stock = stock;
    }

    @Override
    public String moduleId() {
        return "erp-inventory";
    }

    @Override
    public String load() {
        if (stock.warehouses().stream().noneMatch(w -> w.code().equals(WAREHOUSE))) {
            stock.createWarehouse(WAREHOUSE, "Demo warehouse", "system:demo");
        }
        if (catalog.priceLists().stream().noneMatch(l -> l.code().equals("RETAIL"))) {
            catalog.createPriceList(new PriceList("RETAIL", "Retail prices", "EUR", null, null, null), "system:demo");
        }
        item("MUG-1", "Coffee mug", "pcs", ValuationMethod.FIFO, null, "20", "100", "2.40", "120", "9.90");
        item("TSHIRT-M", "T-shirt, size M", "pcs", ValuationMethod.MOVING_AVERAGE, null, "10", "50", "6.80", "40", "19.90");
        item("BEANS-1KG", "Coffee beans, 1 kg", "bag", ValuationMethod.STANDARD, "8.50", "15", "60", "8.90", "12", "24.00");
        return "warehouse DEMO with 3 items and their stock (inventory:stock), price list RETAIL";
    }

    private void item(String sku, String name, String uom, ValuationMethod method, String standard, String reorderPoint,
                      String reorderQuantity, String cost, String quantity, String price) {
        if (catalog.item(sku).isEmpty()) {
            catalog.createItem(new NewItem(sku, name, uom, "demo", false, method,
                    standard == null ? null : new BigDecimal(standard), new BigDecimal(reorderPoint),
                    new BigDecimal(reorderQuantity)), "system:demo");
            catalog.setPrice("RETAIL", sku, new BigDecimal(price), "system:demo");
        }
        if (stock.moves(sku, 0, 1).isEmpty()) {
            stock.receive(new Receipt(sku, WAREHOUSE, null, null, new BigDecimal(quantity), new BigDecimal(cost),
                    "demo opening stock"), "system:demo");
        }
    }
}
