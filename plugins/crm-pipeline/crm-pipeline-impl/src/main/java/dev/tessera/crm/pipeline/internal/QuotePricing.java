package dev.tessera.crm.pipeline.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import dev.tessera.crm.pipeline.api.NewQuote;
import dev.tessera.crm.pipeline.api.NewQuoteLine;
import dev.tessera.crm.pipeline.api.PipelineErrors;
import dev.tessera.crm.pipeline.api.PriceSource;
import dev.tessera.crm.pipeline.api.QuoteLine;
import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.Price;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.ledger.api.TaxableLine;
import dev.tessera.erp.ledger.api.TaxedLine;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;

/**
 * Prices and taxes quote lines with whichever neighbours are present: the catalog prices lines by SKU (a typed price
 * is kept and marked manual), the stock service tells what is available, the ledger's tax engine taxes them. Without
 * the catalog every line needs a typed price; without the tax engine the quote carries no tax and says so.
 */
final class QuotePricing {
    static final int MAX_LINES = 500;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    /** The priced lines and totals. */
    record Priced(List<QuoteLine> lines, BigDecimal net, BigDecimal tax, BigDecimal gross, boolean taxCalculated) {
        boolean unverifiedPrices() {
            return lines.stream().anyMatch(l -> l.priceSource() == PriceSource.MANUAL);
        }
    }

    private QuotePricing() {
    }

    static Priced price(NewQuote quote, Currency currency, String defaultTaxCode, LocalDate today,
                        Catalog catalog, StockService stock, TaxService taxes) {
        List<FieldError> errors = new ArrayList<>();
        List<NewQuoteLine> input = quote == null || quote.lines() == null ? List.of() : quote.lines();
        if (input.isEmpty()) {
            errors.add(new FieldError("lines", "needs at least one line: a quote with no lines offers nothing"));
        } else if (input.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "has " + input.size() + " lines; a quote takes at most " + MAX_LINES));
        }
        ValidationException.throwIfAny(PipelineErrors.INVALID, "The quote", errors);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        String group = quote.customerGroup();
        List<QuoteLine> lines = new ArrayList<>();
        boolean unknownItem = false;
        boolean unknownTaxCode = false;
        for (int i = 0; i < input.size(); i++) {
            String at = "lines[" + i + "].";
            NewQuoteLine in = input.get(i);
            if (in == null) {
                errors.add(new FieldError("lines[" + i + "]", "is empty"));
                lines.add(null);
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
            PriceSource source = PriceSource.MANUAL;
            String priceList = null;
            BigDecimal available = null;
            if (sku != null && sku.length() > 40) {
                errors.add(new FieldError(at + "sku", "is longer than 40 characters"));
            } else if (sku != null && catalog != null) {
                Optional<Item> item = catalog.item(sku);
                if (item.isEmpty()) {
                    unknownItem = true;
                    errors.add(new FieldError(at + "sku", "'" + sku + "' is not an item of the catalog"));
                } else if (!item.get().active()) {
                    errors.add(new FieldError(at + "sku", sku + " is inactive in the catalog and cannot be quoted"));
                } else {
                    description = description == null ? item.get().name() : description;
                    if (unitPrice == null) {
                        Optional<Price> price = catalog.price(sku, currency.getCurrencyCode(), group, today);
                        if (price.isEmpty()) {
                            errors.add(new FieldError(at + "unitPrice", "no price list has " + sku + " in "
                                    + currency.getCurrencyCode() + " today; type a unitPrice to quote it manually"));
                        } else {
                            unitPrice = price.get().unitPrice();
                            priceList = price.get().priceList();
                            source = PriceSource.CATALOG;
                        }
                    }
                    if (stock != null) {
                        available = stock.availableToPromise(sku);
                    }
                }
            } else if (unitPrice == null) {
                errors.add(new FieldError(at + "unitPrice", sku == null
                        ? "is required for a line without a SKU"
                        : "is required: the inventory is not enabled, so " + sku + " cannot be priced from the catalog"));
            }
            if (description == null) {
                errors.add(new FieldError(at + "description", "is required for a line without a catalog item"));
            } else if (description.length() > 200) {
                errors.add(new FieldError(at + "description", "is longer than 200 characters"));
            }
            String taxCode = blankToNull(in.taxCode()) == null ? defaultTaxCode : in.taxCode().trim();
            if (taxes != null) {
                Optional<TaxCode> code = taxes.taxCode(taxCode);
                if (code.isEmpty() || !code.get().active()) {
                    unknownTaxCode = true;
                    errors.add(new FieldError(at + "taxCode", "'" + taxCode + "' is not an active tax code of the ledger"));
                }
            }
            if (in.contractMonths() != null && (in.contractMonths() < 1 || in.contractMonths() > 120)) {
                errors.add(new FieldError(at + "contractMonths", "must be 1 to 120 months"));
            }
            if (errors.size() > before) {
                lines.add(null);
                continue;
            }
            BigDecimal gross = quantity.multiply(unitPrice);
            BigDecimal net = gross.subtract(gross.multiply(discount).divide(HUNDRED)).setScale(digits, RoundingMode.HALF_UP);
            lines.add(new QuoteLine(i + 1, sku, description, quantity.stripTrailingZeros(), unitPrice.stripTrailingZeros(),
                    discount.stripTrailingZeros(), net, taxCode, BigDecimal.ZERO.setScale(digits), net, source,
                    priceList, available, false, in.contractMonths()));
        }
        ValidationException.throwIfAny(unknownItem ? PipelineErrors.UNKNOWN_ITEM
                : unknownTaxCode ? PipelineErrors.UNKNOWN_TAX_CODE : PipelineErrors.INVALID, "The quote", errors);
        if (taxes == null) {
            BigDecimal net = lines.stream().map(QuoteLine::net).reduce(BigDecimal.ZERO.setScale(digits), BigDecimal::add);
            return new Priced(lines, net, BigDecimal.ZERO.setScale(digits), net, false);
        }
        TaxCalculation calculation = taxes.calculate(currency.getCurrencyCode(),
                lines.stream().map(l -> new TaxableLine(l.net(), l.taxCode())).toList());
        List<QuoteLine> taxed = new ArrayList<>();
        for (QuoteLine l : lines) {
            TaxedLine t = calculation.lines().get(l.line() - 1);
            taxed.add(new QuoteLine(l.line(), l.sku(), l.description(), l.quantity(), l.unitPrice(), l.discountPercent(),
                    t.net(), l.taxCode(), t.tax(), t.gross(), l.priceSource(), l.priceList(), l.available(), false,
                    l.contractMonths()));
        }
        return new Priced(taxed, calculation.net(), calculation.tax(), calculation.gross(), true);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
