package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

import dev.tessera.platform.api.FieldError;

/**
 * The one way document lines are priced, for quotes and orders alike: the same checks, the same catalog lookup
 * ({@link Catalog#price(List, String, String, java.time.LocalDate)}) and the same arithmetic, so an order made of a
 * quote has exactly the quote's amounts. {@link #manual} prices with typed prices only, as a module does while the
 * inventory is away.
 *
 * @param lines       one per requested line, in order; null where that line has errors
 * @param errors      every wrong field, as {@code lines[i].<field>}
 * @param unknownItem whether a SKU is not in the catalog (for the refusal's code)
 */
public record Pricing(List<PricedLine> lines, List<FieldError> errors, boolean unknownItem) {
    /** The most lines one document takes. */
    public static final int MAX_LINES = 500;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    public Pricing {
        lines = java.util.Collections.unmodifiableList(new ArrayList<>(lines));
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** What the catalog knows of a SKU: its name and whether it is active, and its list price (null without one). */
    public record CatalogEntry(String name, boolean active, BigDecimal listPrice, String priceList) {
    }

    /** Prices lines with typed prices only: every line needs a unit price, SKUs are not checked. */
    public static Pricing manual(List<LineToPrice> lines, Currency currency) {
        return price(lines, currency, null);
    }

    /**
     * Prices lines, looking catalog items up with {@code lookup} (null when there is no catalog: manual pricing).
     * {@code lookup} answers null for a SKU that is not in the catalog.
     */
    public static Pricing price(List<LineToPrice> lines, Currency currency, Function<String, CatalogEntry> lookup) {
        List<FieldError> errors = new ArrayList<>();
        List<PricedLine> priced = new ArrayList<>();
        boolean unknown = false;
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldError("lines", "needs at least one line"));
            return new Pricing(priced, errors, false);
        }
        if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "has " + lines.size() + " lines; a document takes at most " + MAX_LINES));
            return new Pricing(priced, errors, false);
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "].";
            LineToPrice in = lines.get(i);
            if (in == null) {
                errors.add(new FieldError("lines[" + i + "]", "is empty"));
                priced.add(null);
                continue;
            }
            int before = errors.size();
            String sku = blankToNull(in.sku());
            String description = blankToNull(in.description());
            BigDecimal quantity = in.quantity();
            if (quantity == null || quantity.signum() <= 0) {
                errors.add(new FieldError(at + "quantity", "must be greater than zero"));
            } else if (quantity.stripTrailingZeros().scale() > 4 || quantity.compareTo(LIMIT) >= 0) {
                errors.add(new FieldError(at + "quantity", "takes at most 4 decimals and stays below 10^12"));
            }
            BigDecimal discount = in.discountPercent() == null ? BigDecimal.ZERO : in.discountPercent();
            if (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0 || discount.stripTrailingZeros().scale() > 4) {
                errors.add(new FieldError(at + "discountPercent", "must be 0 to 100 with at most 4 decimals"));
            }
            BigDecimal unitPrice = in.unitPrice();
            if (unitPrice != null && (unitPrice.signum() < 0 || unitPrice.stripTrailingZeros().scale() > 6
                    || unitPrice.compareTo(LIMIT) >= 0)) {
                errors.add(new FieldError(at + "unitPrice", "must be zero or more, below 10^12, with at most 6 decimals"));
            }
            String priceList = null;
            boolean catalogItem = false;
            if (sku != null && sku.length() > 40) {
                errors.add(new FieldError(at + "sku", "is longer than 40 characters"));
            } else if (sku != null && lookup != null) {
                CatalogEntry item = lookup.apply(sku);
                if (item == null) {
                    unknown = true;
                    errors.add(new FieldError(at + "sku", "'" + sku + "' is not an item of the catalog; a line of its"
                            + " own (a service, a fee) has a description and no SKU"));
                } else if (!item.active()) {
                    errors.add(new FieldError(at + "sku", sku + " is inactive in the catalog"));
                } else {
                    catalogItem = true;
                    description = description == null ? item.name() : description;
                    if (unitPrice == null) {
                        if (item.listPrice() == null) {
                            errors.add(new FieldError(at + "unitPrice", "no price list has " + sku + " in "
                                    + currency.getCurrencyCode() + " today; type a unit price"));
                        } else {
                            unitPrice = item.listPrice();
                            priceList = item.priceList();
                        }
                    }
                }
            } else if (unitPrice == null) {
                errors.add(new FieldError(at + "unitPrice", sku == null ? "is required for a line without a SKU"
                        : "is required: the inventory is not enabled, so " + sku + " cannot be priced from the catalog"));
            }
            if (description == null) {
                errors.add(new FieldError(at + "description", "is required for a line without a catalog item"));
            } else if (description.length() > 200) {
                errors.add(new FieldError(at + "description", "is longer than 200 characters"));
            }
            if (errors.size() > before) {
                priced.add(null);
                continue;
            }
            priced.add(new PricedLine(sku, description, catalogItem, strip(quantity), strip(unitPrice), strip(discount),
                    net(quantity, unitPrice, discount, digits), priceList));
        }
        return new Pricing(priced, errors, unknown);
    }

    /** Quantity x unit price less the discount, rounded half up to {@code digits} decimals. */
    public static BigDecimal net(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, int digits) {
        BigDecimal gross = quantity.multiply(unitPrice);
        return gross.subtract(gross.multiply(discountPercent).divide(HUNDRED)).setScale(digits, RoundingMode.HALF_UP);
    }

    private static BigDecimal strip(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
