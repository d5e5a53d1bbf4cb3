package dev.tessera.crm.marketing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tessera.crm.marketing.api.TouchKind;

class ScoringTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private final Scoring scoring = new Scoring(new BigDecimal(50), new BigDecimal(30), Map.of(TouchKind.FORM_FILL,
            new BigDecimal(40), TouchKind.EMAIL_CLICK, new BigDecimal(10)), Scoring.fitRules(
            "company present: 10, domain != gmail.com: 5, source ~ webinar: 7"));

    @Test
    void behaviourPointsHalveWithEveryHalfLifeAndFitPointsDoNot() {
        Map<String, String> lead = Map.of("company", "Acme", "domain", "acme.example", "source", "spring webinar");
        List<Scoring.TouchAt> touches = List.of(
                new Scoring.TouchAt(1, "A", TouchKind.FORM_FILL, NOW.minus(Duration.ofDays(30))),
                new Scoring.TouchAt(2, "B", TouchKind.EMAIL_CLICK, NOW.minus(Duration.ofDays(60))));
        Scoring.Result r = scoring.score(lead, touches, NOW);
        assertEquals(0, new BigDecimal("22").compareTo(r.fit()));
        // 40 x 2^-1 = 20, 10 x 2^-2 = 2.5
        assertEquals(0, new BigDecimal("22.50").compareTo(r.behaviour()));
        assertEquals(0, new BigDecimal("44.50").compareTo(r.total()));
        assertFalse(r.qualified());
        assertEquals(5, r.parts().size());
        assertEquals(r.total(), r.parts().stream().map(p -> p.points()).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aTouchAfterTheDateAskedForDoesNotCountYet() {
        List<Scoring.TouchAt> touches = List.of(new Scoring.TouchAt(1, "A", TouchKind.FORM_FILL, NOW),
                new Scoring.TouchAt(2, "A", TouchKind.FORM_FILL, NOW.plusSeconds(60)));
        Scoring.Result r = scoring.score(Map.of("company", "Acme", "domain", "acme.example"), touches, NOW);
        assertEquals(0, new BigDecimal("55").compareTo(r.total()));
        assertTrue(r.qualified(), "at the threshold or above is qualified");
    }

    @Test
    void aFitRuleOnAFieldLeadsDoNotHaveIsRefusedWithTheFieldsThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scoring.fitRules("revenue present: 10"));
        assertTrue(e.getMessage().contains("'revenue'") && e.getMessage().contains("company"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scoring.fitRules("company present"));
        assertThrows(IllegalArgumentException.class, () -> Scoring.fitRules("company > 3: 1"));
    }

    @Test
    void aNotEqualRuleNeedsAValueToCompare() {
        Scoring.FitRule rule = Scoring.fitRules("domain != gmail.com: 5").get(0);
        assertFalse(rule.holds(Map.of()), "an absent domain is not 'another domain'");
        assertFalse(rule.holds(Map.of("domain", "GMAIL.com")));
        assertTrue(rule.holds(Map.of("domain", "acme.example")));
    }
}
