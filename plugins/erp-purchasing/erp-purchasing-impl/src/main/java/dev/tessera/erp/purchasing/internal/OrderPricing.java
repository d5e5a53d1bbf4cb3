package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.ledger.api.TaxableLine;
import dev.tessera.erp.ledger.api.TaxedLine;
import dev.tessera.erp.purchasing.api.NewPurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PriceAgreement;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.Changes;

/**
 * Prices and taxes the lines of an order as they are entered: an item line from the vendor's agreement valid on the
 * order date (unless its price is typed), a non-stock line at its typed price; tax from the ledger's engine for the
 * lines that name a tax code. Every wrong field is reported at once.
 */
final class OrderPricing {

    /** The lines, whether the ledger taxed them, and what could not be done. */
    record Priced(List<OrderStore.Line> lines, boolean taxCalculated, String note) {
    }

    /** Where the lines come from: the order's vendor, date and defaults. */
    record Context(Vendor vendor, LocalDate orderDate, String warehouse, LocalDate expectedDate) {
    }

    private final VendorsImpl vendors;
    private final Catalog catalog;
    private final TaxService taxes;

    /** {@code catalog} and {@code taxes} are null while their modules are not enabled. */
    OrderPricing(VendorsImpl vendors, Catalog catalog, TaxService taxes) {
        this.vendors = vendors;
        this.catalog = catalog;
        this.taxes = taxes;
    }

    Priced price(Connection db, Context context, List<NewPurchaseOrderLine> input) {
        List<FieldError> errors = new ArrayList<>();
        boolean noPrice = false;
        boolean unknownItem = false;
        if (input == null || input.isEmpty()) {
            errors.add(new FieldError("lines", "is required: at least one line"));
        }
        List<NewPurchaseOrderLine> given = input == null ? List.of() : input;
        Currency currency = Currency.getInstance(context.vendor().currency());
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        List<OrderStore.Line> lines = new ArrayList<>();
        boolean unchecked = false;
        for (int i = 0; i < given.size(); i++) {
            NewPurchaseOrderLine in = given.get(i);
            String at = "lines[" + i + "].";
            if (in == null) {
                errors.add(new FieldError("lines[" + i + "]", "is required"));
                continue;
            }
            int before = errors.size();
            String sku = Checks.code(in.sku(), Checks.SKU, at + "sku", "MUG-1", errors);
            String description = Changes.text(in.description(), at + "description", 200, false, errors);
            if (sku == null && description == null) {
                errors.add(new FieldError(at + "sku", "is required (or a description, for a non-stock line)"));
            }
            BigDecimal quantity = Checks.quantity(in.quantity(), at + "quantity", errors);
            BigDecimal typed = Checks.price(in.unitPrice(), at + "unitPrice", errors);
            if (sku == null && typed == null) {
                errors.add(new FieldError(at + "unitPrice", "is required for a non-stock line"));
            }
            String taxCode = in.taxCode() == null || in.taxCode().isBlank() ? null : in.taxCode().trim();
            if (taxCode != null && taxes != null) {
                Optional<TaxCode> code = taxes.taxCode(taxCode);
                if (code.isEmpty() || !code.get().active()) {
                    errors.add(new FieldError(at + "taxCode", "'" + taxCode + "' is not an active tax code of the"
                            + " ledger"));
                }
            }
            String warehouse = Checks.code(in.warehouse(), Checks.WAREHOUSE, at + "warehouse", "MAIN", errors);
            LocalDate expected = in.expectedDate() != null ? in.expectedDate() : context.expectedDate();
            if (expected != null && expected.isBefore(context.orderDate())) {
                errors.add(new FieldError(at + "expectedDate", "must be on or after the order date "
                        + context.orderDate()));
            }
            if (sku != null && catalog != null) {
                Optional<Item> item = catalog.item(sku);
                if (item.isEmpty() || !item.get().active()) {
                    unknownItem = true;
                    errors.add(new FieldError(at + "sku", "'" + sku + "' is not an active item of the inventory's"
                            + " catalog (inventory:items); order it as a non-stock line with a description instead"));
                } else if (description == null) {
                    description = item.get().name();
                }
            }
            unchecked |= sku != null && catalog == null;
            if (errors.size() > before) {
                continue;
            }
            BigDecimal unitPrice = typed;
            Long priceId = null;
            Integer leadTime = null;
            if (typed == null) {
                Optional<PriceAgreement> agreement = vendors.priceFor(db, context.vendor().id(), sku, quantity,
                        context.orderDate());
                if (agreement.isEmpty()) {
                    noPrice = true;
                    errors.add(new FieldError(at + "unitPrice", "is required: vendor " + context.vendor().code()
                            + " has no price agreement for " + sku + " valid on " + context.orderDate() + " for "
                            + Checks.plain(quantity) + " (purchasing:prices " + context.vendor().code() + ")"));
                    continue;
                }
                unitPrice = agreement.get().price();
                priceId = agreement.get().id();
                leadTime = agreement.get().leadTimeDays();
            }
            if (expected == null) {
                expected = context.orderDate().plusDays(leadTime != null ? leadTime : context.vendor().leadTimeDays());
            }
            BigDecimal net = quantity.multiply(unitPrice).setScale(digits, RoundingMode.HALF_UP);
            lines.add(new OrderStore.Line(sku, description == null ? sku : description, quantity, unitPrice, priceId,
                    net, taxCode, BigDecimal.ZERO.setScale(digits), net, expected,
                    warehouse != null ? warehouse : context.warehouse()));
        }
        ValidationException.throwIfAny(unknownItem ? PurchasingErrors.UNKNOWN_ITEM : noPrice ? PurchasingErrors.NO_PRICE
                : PurchasingErrors.INVALID, "The order",
                errors);
        String note = unchecked ? "Items not checked against the catalog: the inventory was not enabled when the order"
                + " was priced" : null;
        return tax(currency, lines, note);
    }

    private Priced tax(Currency currency, List<OrderStore.Line> lines, String note) {
        List<Integer> taxed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).taxCode() != null) {
                taxed.add(i);
            }
        }
        if (taxed.isEmpty()) {
            return new Priced(lines, false, note);
        }
        if (taxes == null) {
            String skipped = "Tax not calculated: the ledger is not enabled";
            return new Priced(lines, false, note == null ? skipped : note + "; " + skipped);
        }
        TaxCalculation tax = taxes.calculate(currency.getCurrencyCode(), taxed.stream()
                .map(i -> new TaxableLine(lines.get(i).net(), lines.get(i).taxCode())).toList());
        List<OrderStore.Line> result = new ArrayList<>(lines);
        for (int k = 0; k < taxed.size(); k++) {
            OrderStore.Line l = lines.get(taxed.get(k));
            TaxedLine t = tax.lines().get(k);
            result.set(taxed.get(k), new OrderStore.Line(l.sku(), l.description(), l.quantity(), l.unitPrice(),
                    l.priceId(), t.net(), l.taxCode(), t.tax(), t.gross(), l.expectedDate(), l.warehouse()));
        }
        return new Priced(result, true, note);
    }
}
