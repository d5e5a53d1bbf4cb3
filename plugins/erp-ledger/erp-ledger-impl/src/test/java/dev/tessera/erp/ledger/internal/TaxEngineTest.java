package dev.tessera.erp.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxRounding;
import dev.tessera.erp.ledger.api.TaxedLine;

class TaxEngineTest {
    private static TaxCode code(String rate, boolean inclusive, TaxRounding rounding) {
        return new TaxCode("T", "test", new BigDecimal(rate), "2200", "1400", inclusive, rounding, true);
    }

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void exclusiveTaxRoundedPerLine() {
        TaxCalculation c = TaxEngine.calculate("EUR", 2, amounts("10.05", "10.05", "10.05"),
                Collections.nCopies(3, code("19", false, TaxRounding.LINE)));
        // 10.05 x 19 % = 1.9095 -> 1.91 per line
        assertEquals(new BigDecimal("1.91"), c.lines().get(0).tax());
        assertEquals(new BigDecimal("5.73"), c.tax());
        assertEquals(new BigDecimal("30.15"), c.net());
        assertEquals(new BigDecimal("35.88"), c.gross());
    }

    @Test
    void documentRoundingRoundsTheTotalOnceAndTheLinesAddUpToIt() {
        TaxCalculation c = TaxEngine.calculate("EUR", 2, amounts("10.05", "10.05", "10.05"),
                Collections.nCopies(3, code("19", false, TaxRounding.DOCUMENT)));
        // 3 x 1.9095 = 5.7285 -> 5.73 once; the lines share it: 1.91 + 1.91 + 1.91 would be 5.73 as well, here the
        // shares come from 1.90 each plus the remaining cents by largest remainder
        assertEquals(new BigDecimal("5.73"), c.tax());
        assertEquals(c.tax(), c.lines().stream().map(TaxedLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add));
        TaxCalculation cents = TaxEngine.calculate("EUR", 2, amounts("0.10", "0.10", "0.10"),
                Collections.nCopies(3, code("19", false, TaxRounding.DOCUMENT)));
        // per line 0.019 would round to 0.02 each (0.06); the document's 0.057 is 0.06 too, shared 0.02 each
        assertEquals(new BigDecimal("0.06"), cents.tax());
        TaxCalculation perLine = TaxEngine.calculate("EUR", 2, amounts("0.04", "0.04", "0.04"),
                Collections.nCopies(3, code("19", false, TaxRounding.LINE)));
        TaxCalculation perDoc = TaxEngine.calculate("EUR", 2, amounts("0.04", "0.04", "0.04"),
                Collections.nCopies(3, code("19", false, TaxRounding.DOCUMENT)));
        // 0.0076 per line rounds to 0.01 each (0.03); the document's 0.0228 rounds to 0.02
        assertEquals(new BigDecimal("0.03"), perLine.tax());
        assertEquals(new BigDecimal("0.02"), perDoc.tax());
        assertEquals(perDoc.tax(), perDoc.lines().stream().map(TaxedLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void inclusiveAmountsAreSplitIntoNetAndTax() {
        TaxCalculation c = TaxEngine.calculate("EUR", 2, amounts("119.00", "10.00"),
                List.of(code("19", true, TaxRounding.LINE), code("19", true, TaxRounding.LINE)));
        assertEquals(new BigDecimal("19.00"), c.lines().get(0).tax());
        assertEquals(new BigDecimal("100.00"), c.lines().get(0).net());
        assertEquals(new BigDecimal("1.60"), c.lines().get(1).tax()); // 10 - 10/1.19 = 1.5966 -> 1.60
        assertEquals(new BigDecimal("129.00"), c.gross());
    }

    @Test
    void currenciesWithoutCentsRoundToWholeUnits() {
        TaxCalculation c = TaxEngine.calculate("JPY", 0, amounts("999"), List.of(code("10", false, TaxRounding.LINE)));
        assertEquals(new BigDecimal("100"), c.tax());
        assertEquals(new BigDecimal("1099"), c.gross());
    }
}
