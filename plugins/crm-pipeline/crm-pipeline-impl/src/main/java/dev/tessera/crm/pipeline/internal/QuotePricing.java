package dev.tessera.crm.pipeline.internal;

import java.math.BigDecimal;
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
import dev.tessera.erp.inventory.api.LineToPrice;
import dev.tessera.erp.inventory.api.PricedLine;
import dev.tessera.erp.inventory.api.Pricing;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.ledger.api.TaxableLine;
import dev.tessera.erp.ledger.api.TaxedLine;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;

/**
 * Prices and taxes quote lines with whichever neighbours are present: the inventory's one pricing routine prices
 * them (from the catalog by SKU, a typed price kept and marked manual; with typed prices only while the inventory is
 * away), the stock service tells what is available, the ledger's tax engine taxes them. Without the tax engine the
 * quote carries no tax and says so.
 */
final class QuotePricing {

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
        List<NewQuoteLine> input = quote == null || quote.lines() == null ? List.of() : quote.lines();
        List<LineToPrice> requests = new ArrayList<>();
        for (NewQuoteLine l : input) {
            requests.add(l == null ? null : new LineToPrice(l.sku(), l.description(), l.quantity(), l.unitPrice(),
                    l.discountPercent()));
        }
        // the one pricing routine of the inventory, as sales prices the order made of this quote
        Pricing pricing = catalog != null ? catalog.price(requests, currency.getCurrencyCode(), quote.customerGroup(),
                today) : Pricing.manual(requests, currency);
        List<FieldError> errors = new ArrayList<>(pricing.errors());
        boolean unknownTaxCode = false;
        List<String> taxCodes = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            NewQuoteLine in = input.get(i);
            if (in == null) {
                taxCodes.add(null);
                continue;
            }
            String at = "lines[" + i + "].";
            String taxCode = blankToNull(in.taxCode()) == null ? defaultTaxCode : in.taxCode().trim();
            taxCodes.add(taxCode);
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
        }
        ValidationException.throwIfAny(pricing.unknownItem() ? PipelineErrors.UNKNOWN_ITEM
                : unknownTaxCode ? PipelineErrors.UNKNOWN_TAX_CODE : PipelineErrors.INVALID, "The quote", errors);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        List<QuoteLine> lines = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            PricedLine l = pricing.lines().get(i);
            BigDecimal available = stock != null && l.catalogItem() ? stock.availableToPromise(l.sku()) : null;
            lines.add(new QuoteLine(i + 1, l.sku(), l.description(), l.quantity(), l.unitPrice(), l.discountPercent(),
                    l.net(), taxCodes.get(i), BigDecimal.ZERO.setScale(digits), l.net(),
                    l.manualPrice() ? PriceSource.MANUAL : PriceSource.CATALOG, l.priceList(), available, false,
                    input.get(i).contractMonths()));
        }
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
