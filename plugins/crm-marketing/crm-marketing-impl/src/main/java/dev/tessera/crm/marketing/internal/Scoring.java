package dev.tessera.crm.marketing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tessera.crm.marketing.api.ScorePart;
import dev.tessera.crm.marketing.api.TouchKind;

/**
 * The scoring rules and the arithmetic of a score, without a database: fit rules over a lead's fields and points per
 * touch kind that halve with every half-life of age ({@code points × 2^(−age/half-life)}). Each part is rounded to
 * the cent and the score is their sum, so the explanation adds up to the score.
 */
final class Scoring {
    /** The lead fields a fit rule may read. */
    static final List<String> FIELDS = List.of("name", "email", "company", "domain", "phone", "source");
    private static final BigDecimal SECONDS_A_DAY = new BigDecimal(86_400);

    /** A fit rule: {@code field present}, {@code field = value}, {@code field != value} or {@code field ~ part}. */
    record FitRule(String text, String field, String op, String value, BigDecimal points) {
        boolean holds(Map<String, String> lead) {
            String v = lead.get(field);
            String have = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
            return switch (op) {
                case "present" -> !have.isEmpty();
                case "=" -> have.equals(value);
                case "!=" -> !have.isEmpty() && !have.equals(value);
                case "~" -> have.contains(value);
                default -> false;
            };
        }
    }

    /** A touch as scoring sees it. */
    record TouchAt(long id, String campaign, TouchKind kind, Instant occurredAt) {
    }

    /** A score's parts and sums. */
    record Result(BigDecimal fit, BigDecimal behaviour, BigDecimal total, boolean qualified, List<ScorePart> parts) {
    }

    final BigDecimal threshold;
    final BigDecimal halfLifeDays;
    final Map<TouchKind, BigDecimal> kindPoints;
    final List<FitRule> fitRules;

    Scoring(BigDecimal threshold, BigDecimal halfLifeDays, Map<TouchKind, BigDecimal> kindPoints,
            List<FitRule> fitRules) {
        this.threshold = threshold;
        this.halfLifeDays = halfLifeDays;
        this.kindPoints = new EnumMap<>(kindPoints);
        this.fitRules = List.copyOf(fitRules);
    }

    static Scoring of(MarketingConfig c) {
        if (c.scoreThreshold() <= 0 || c.scoreHalfLifeDays() <= 0) {
            throw new IllegalArgumentException("scoreThreshold and scoreHalfLifeDays must be above 0, not "
                    + c.scoreThreshold() + " and " + c.scoreHalfLifeDays());
        }
        Map<TouchKind, BigDecimal> points = new EnumMap<>(TouchKind.class);
        points.put(TouchKind.FORM_FILL, points("pointsFormFill", c.pointsFormFill()));
        points.put(TouchKind.EMAIL_OPEN, points("pointsEmailOpen", c.pointsEmailOpen()));
        points.put(TouchKind.EMAIL_CLICK, points("pointsEmailClick", c.pointsEmailClick()));
        points.put(TouchKind.PAGE_VISIT, points("pointsPageVisit", c.pointsPageVisit()));
        points.put(TouchKind.EVENT_ATTENDANCE, points("pointsEventAttendance", c.pointsEventAttendance()));
        return new Scoring(BigDecimal.valueOf(c.scoreThreshold()), BigDecimal.valueOf(c.scoreHalfLifeDays()), points,
                fitRules(c.fitRules()));
    }

    private static BigDecimal points(String name, double value) {
        if (value < 0 || value > 1_000_000 || Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1000000, not " + value);
        }
        return BigDecimal.valueOf(value);
    }

    /**
     * Parses {@code company present: 10, domain != gmail.com: 5, source ~ webinar: 15}: a comma-separated list of
     * conditions, each with its points after the last colon.
     */
    static List<FitRule> fitRules(String text) {
        List<FitRule> rules = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return rules;
        }
        for (String raw : text.split(",")) {
            String rule = raw.trim();
            if (rule.isEmpty()) {
                continue;
            }
            int colon = rule.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Fit rule '" + rule + "' has no points: write e.g. 'company present:"
                        + " 10'");
            }
            BigDecimal points;
            try {
                points = new BigDecimal(rule.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Fit rule '" + rule + "': points must be a number", e);
            }
            String condition = rule.substring(0, colon).trim();
            String[] words = condition.split("\\s+", 3);
            String field = words[0].toLowerCase(Locale.ROOT);
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("Fit rule '" + rule + "' reads field '" + words[0]
                        + "', which leads do not have; fields: " + FIELDS);
            }
            if (words.length == 2 && words[1].equalsIgnoreCase("present")) {
                rules.add(new FitRule(condition, field, "present", null, points));
            } else if (words.length == 3 && List.of("=", "!=", "~").contains(words[1]) && !words[2].isBlank()) {
                rules.add(new FitRule(condition, field, words[1], words[2].trim().toLowerCase(Locale.ROOT), points));
            } else {
                throw new IllegalArgumentException("Fit rule '" + rule + "' is not '<field> present', '<field> ="
                        + " <value>', '<field> != <value>' or '<field> ~ <part>'");
            }
        }
        return rules;
    }

    /** The score at {@code asOf}: touches after it do not count yet. */
    Result score(Map<String, String> lead, List<TouchAt> touches, Instant asOf) {
        List<ScorePart> parts = new ArrayList<>();
        BigDecimal fit = BigDecimal.ZERO;
        for (FitRule r : fitRules) {
            if (r.holds(lead)) {
                BigDecimal p = r.points().setScale(2, RoundingMode.HALF_UP);
                parts.add(new ScorePart("fit: " + r.text(), r.points(), p, null, null, null, null));
                fit = fit.add(p);
            }
        }
        BigDecimal behaviour = BigDecimal.ZERO;
        for (TouchAt t : touches) {
            if (t.occurredAt().isAfter(asOf)) {
                continue;
            }
            BigDecimal base = kindPoints.getOrDefault(t.kind(), BigDecimal.ZERO);
            if (base.signum() == 0) {
                continue;
            }
            BigDecimal ageDays = new BigDecimal(Duration.between(t.occurredAt(), asOf).getSeconds())
                    .divide(SECONDS_A_DAY, 6, RoundingMode.HALF_UP);
            double factor = Math.pow(2, -ageDays.doubleValue() / halfLifeDays.doubleValue());
            BigDecimal p = base.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP);
            parts.add(new ScorePart("behaviour: " + t.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), base,
                    p, t.id(), t.campaign(), t.occurredAt(), ageDays.setScale(2, RoundingMode.HALF_UP)));
            behaviour = behaviour.add(p);
        }
        BigDecimal total = fit.add(behaviour);
        return new Result(fit, behaviour, total, total.compareTo(threshold) >= 0, parts);
    }
}
