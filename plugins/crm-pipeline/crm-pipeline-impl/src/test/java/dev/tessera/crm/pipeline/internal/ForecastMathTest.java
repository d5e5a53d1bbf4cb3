package dev.tessera.crm.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.crm.pipeline.api.Forecast;
import dev.tessera.crm.pipeline.api.OpportunityStatus;

class ForecastMathTest {
    private static final LocalDate FROM = LocalDate.parse("2030-01-01");
    private static final LocalDate TO = LocalDate.parse("2030-03-31");

    @Test
    void openDealsCountWhenExpectedAndWonDealsWhenWon() {
        List<ForecastMath.Deal> deals = List.of(
                open("ann", "1000", 10, "2030-01-15"),
                open("ann", "2000", 75, "2030-01-20"),
                open("bob", "333.33", 50, "2030-02-01"),
                open("bob", "999", 90, "2031-01-01"),        // after the period
                new ForecastMath.Deal(OpportunityStatus.WON, "ann", "web", new BigDecimal("500"), 100,
                        LocalDate.parse("2030-05-01"), LocalDate.parse("2030-01-31")),
                new ForecastMath.Deal(OpportunityStatus.LOST, "bob", "web", new BigDecimal("700"), 0,
                        LocalDate.parse("2030-02-01"), LocalDate.parse("2030-02-10")),
                new ForecastMath.Deal(OpportunityStatus.WON, "bob", null, new BigDecimal("50"), 100,
                        LocalDate.parse("2030-02-01"), LocalDate.parse("2029-12-31")));   // won before the period
        Forecast f = ForecastMath.compute(deals, "EUR", 2, 75, FROM, TO);

        // January, ann: pipeline 1000 + 2000; weighted 100 + 1500; commit 2000 (75 %); closed 500
        assertEquals(new Forecast.Row("2030-01", "ann", 2, new BigDecimal("3000.00"), new BigDecimal("1600.00"),
                new BigDecimal("2000.00"), new BigDecimal("500.00")), f.rows().get(0));
        // February, bob: 333.33 at 50 % = 166.665 → 166.67 (rounded once, half up)
        assertEquals(new Forecast.Row("2030-02", "bob", 1, new BigDecimal("333.33"), new BigDecimal("166.67"),
                new BigDecimal("0.00"), new BigDecimal("0.00")), f.rows().get(1));
        assertEquals(2, f.rows().size());
        assertEquals(new Forecast.Row(null, null, 3, new BigDecimal("3333.33"), new BigDecimal("1766.67"),
                new BigDecimal("2000.00"), new BigDecimal("500.00")), f.total());
        assertEquals(List.of(new Forecast.SourceRow("web", 1, 1, new BigDecimal("500.00"))), f.bySource());
    }

    private static ForecastMath.Deal open(String owner, String amount, int probability, String close) {
        return new ForecastMath.Deal(OpportunityStatus.OPEN, owner, "web", new BigDecimal(amount), probability,
                LocalDate.parse(close), null);
    }
}
