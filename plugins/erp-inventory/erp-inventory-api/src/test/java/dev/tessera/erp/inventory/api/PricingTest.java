package dev.tessera.erp.inventory.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tessera.platform.api.FieldError;

class PricingTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void aCatalogItemTakesItsListPriceUnlessOneIsTypedAndTheNetIsRoundedHalfUpToTheCurrency() {
        Map<String, Pricing.CatalogEntry> catalog = Map.of("MUG-1", new Pricing.CatalogEntry("Mug", true,
                new BigDecimal("19.99"), "STD"));
        Pricing pricing = Pricing.price(List.of(new LineToPrice("MUG-1", null, new BigDecimal("3.5"), null,
                new BigDecimal("12.5")), new LineToPrice("MUG-1", "Mug, special", new BigDecimal("2"),
                new BigDecimal("15.000"), null)), EUR, catalog::get);
        assertTrue(pricing.ok(), pricing.errors().toString());
        PricedLine listed = pricing.lines().get(0);
        assertEquals("Mug", listed.description());
        assertEquals("STD", listed.priceList());
        assertFalse(listed.manualPrice());
        assertTrue(listed.catalogItem());
        assertEquals(new BigDecimal("61.22"), listed.net(), "3.5 x 19.99 = 69.965, less 12.5 % = 61.219375");
        PricedLine typed = pricing.lines().get(1);
        assertTrue(typed.manualPrice());
        assertEquals(new BigDecimal("15"), typed.unitPrice());
        assertEquals(new BigDecimal("30.00"), typed.net());
    }

    @Test
    void withoutTheCatalogEveryLineNeedsATypedPriceAndSkusAreNotVerified() {
        Pricing pricing = Pricing.manual(List.of(new LineToPrice("MUG-1", "Mug", BigDecimal.ONE, null, null),
                new LineToPrice("MUG-1", "Mug", BigDecimal.ONE, new BigDecimal("7.5"), null)), JPY);
        assertEquals(List.of("lines[0].unitPrice"), fields(pricing.errors()));
        assertNull(pricing.lines().get(0));
        assertFalse(pricing.lines().get(1).catalogItem());
        assertEquals(new BigDecimal("8"), pricing.lines().get(1).net(), "yen have no decimals");
    }

    @Test
    void everyWrongFieldOfEveryLineIsNamedAtOnce() {
        Pricing pricing = Pricing.price(Arrays.asList(new LineToPrice("GHOST", null, BigDecimal.ZERO, null,
                new BigDecimal("101")), null, new LineToPrice(null, null, new BigDecimal("1.00001"),
                new BigDecimal("-1"), null)), EUR, sku -> null);
        assertEquals(List.of("lines[0].quantity", "lines[0].discountPercent", "lines[0].sku", "lines[0].description",
                "lines[1]", "lines[2].quantity", "lines[2].unitPrice", "lines[2].description"), fields(pricing.errors()));
        assertTrue(pricing.unknownItem());
    }

    @Test
    void aDocumentNeedsLinesAndTakesAtMostFiveHundred() {
        assertEquals(List.of("lines"), fields(Pricing.manual(List.of(), EUR).errors()));
        List<LineToPrice> many = java.util.Collections.nCopies(Pricing.MAX_LINES + 1, new LineToPrice(null, "x",
                BigDecimal.ONE, BigDecimal.ONE, null));
        assertEquals(List.of("lines"), fields(Pricing.manual(many, EUR).errors()));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
