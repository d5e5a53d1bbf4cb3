package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tessera.erp.ledger.api.PostingLine;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.platform.api.event.DomainEvent;

/**
 * How the ledger books another module's event, from {@code etc/dev.tessera.erp.ledger.rule-<name>.cfg}:
 * <pre>
 * event = sales.invoice.issued
 * description = Invoice {number}
 * reference = {number}
 * date = {date}
 * lines = 1200:debit:{gross}, 4100:credit:{net}, 2200:credit:{tax}
 * </pre>
 * An optional {@code when = move=receipt} (comma-separated {@code field=value} pairs) books only the events whose
 * payload has those values, so that one event type can be booked by several rules; {@code field!=value} books those
 * that do not have it, and a value ending in {@code *} stands for any value that starts so
 * ({@code when = move=issue, reference!=WO-*}: issues that are not for a work order). Keys of {@code when} that end
 * in {@code !} are the negated conditions.
 * {@code {field}} takes a field of the event's payload ({@code {recordId}} and {@code {type}} the event's own; braces
 * without a dollar sign, which Karaf's configuration files would replace themselves);
 * an amount is a field or a decimal constant, or a sum of them ({@code {value}+{variance}}, {@code {gross}-{tax}});
 * a line whose amount is zero is left out, and a negative amount books on the other side (a price variance that
 * went down debits nothing and credits the account). The entry's source is the event's module and the reference, so
 * an event delivered again is not posted twice.
 */
record PostingRule(String name, String event, Map<String, String> when, String description, String reference,
                   String date, String currency, List<RuleLine> lines) {
    static final String FACTORY_PID = "dev.tessera.erp.ledger.rule";
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
    private static final String TERM = "(\\{[A-Za-z0-9_.-]+}|\\d+(\\.\\d+)?)";
    private static final Pattern AMOUNT = Pattern.compile("-?" + TERM + "(\\s*[+-]\\s*" + TERM + ")*");
    private static final Pattern SUMMAND = Pattern.compile("([+-]?)\\s*" + TERM);

    /** One line: account, side and amount expression. */
    record RuleLine(String account, boolean debit, String amount) {
    }

    static PostingRule from(String name, Dictionary<String, Object> properties) {
        String event = text(properties, "event", null);
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("no 'event' (the event type it books, e.g. sales.invoice.issued)");
        }
        String spec = text(properties, "lines", "");
        List<RuleLine> lines = new ArrayList<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] fields = part.trim().split(":", 3);
            if (fields.length != 3 || !fields[1].trim().toLowerCase(Locale.ROOT).matches("debit|credit")) {
                throw new IllegalArgumentException("line '" + part.trim() + "' is not account:debit|credit:amount");
            }
            String amount = fields[2].trim();
            if (!AMOUNT.matcher(amount).matches()) {
                throw new IllegalArgumentException("amount '" + amount + "' of line '" + part.trim() + "' is not a"
                        + " field, a number or a sum of them, e.g. {net}, 0 or {value}+{variance}");
            }
            lines.add(new RuleLine(fields[0].trim(), fields[1].trim().equalsIgnoreCase("debit"), amount));
        }
        if (lines.size() < 2) {
            throw new IllegalArgumentException("'lines' needs at least a debit and a credit line");
        }
        Map<String, String> when = new java.util.LinkedHashMap<>();
        for (String condition : text(properties, "when", "").split(",")) {
            if (condition.isBlank()) {
                continue;
            }
            boolean not = condition.contains("!=");
            String[] pair = condition.split(not ? "!=" : "=", 2);
            if (pair.length != 2 || pair[0].isBlank() || pair[0].contains("!")) {
                throw new IllegalArgumentException("condition '" + condition.trim() + "' of 'when' is not field=value"
                        + " or field!=value");
            }
            when.put(pair[0].trim() + (not ? "!" : ""), pair[1].trim());
        }
        String reference = text(properties, "reference", "{recordId}");
        if (!FIELD.matcher(reference).find()) {
            throw new IllegalArgumentException("'reference' must name a field of the event, e.g. {recordId} or"
                    + " {number}; without one every event would be booked as the same document");
        }
        return new PostingRule(name, event.trim(), Map.copyOf(when), text(properties, "description", "{type} {recordId}"),
                reference, text(properties, "date", ""),
                text(properties, "currency", ""), List.copyOf(lines));
    }

    private static String text(Dictionary<String, Object> properties, String key, String otherwise) {
        Object value = properties.get(key);
        return value == null ? otherwise : value.toString();
    }

    /** The entry this rule makes of the event, or null when all its amounts are zero. */
    PostingRequest request(DomainEvent event) {
        LocalDate day = date.isBlank() ? event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate()
                : LocalDate.parse(expand(date, event));
        String lineCurrency = currency.isBlank() ? null : expand(currency, event);
        List<PostingLine> postings = new ArrayList<>();
        for (RuleLine line : lines) {
            BigDecimal amount = amount(line.amount(), event);
            if (amount.signum() == 0) {
                continue;
            }
            boolean debit = line.debit() == (amount.signum() > 0);
            amount = amount.abs();
            postings.add(new PostingLine(line.account(), debit ? amount : null, debit ? null : amount,
                    lineCurrency, null, null, null, "rule " + name));
        }
        if (postings.isEmpty()) {
            return null;
        }
        return new PostingRequest(day, expand(description, event), event.module(), expand(reference, event), postings);
    }

    /** The signed sum of the expression's terms: fields of the event and decimal constants. */
    private BigDecimal amount(String expression, DomainEvent event) {
        BigDecimal sum = BigDecimal.ZERO;
        Matcher m = SUMMAND.matcher(expression);
        while (m.find()) {
            String term = m.group(2);
            String value = term.startsWith("{") ? expand(term, event) : term;
            BigDecimal amount;
            try {
                amount = new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rule " + name + ": '" + term + "' of event " + event.id()
                        + " is '" + value + "', not an amount");
            }
            sum = "-".equals(m.group(1)) ? sum.subtract(amount) : sum.add(amount);
        }
        return sum;
    }

    private String expand(String template, DomainEvent event) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String field = m.group(1);
            Object value = switch (field) {
                case "recordId" -> event.recordId();
                case "type" -> event.type();
                default -> event.payload().get(field);
            };
            if (value == null) {
                throw new IllegalArgumentException("rule " + name + ": event " + event.type() + " " + event.id()
                        + " has no field '" + field + "' in its payload " + event.payload().keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    boolean matches(DomainEvent event) {
        return event.type().equals(this.event) && when.entrySet().stream().allMatch(c -> {
            boolean not = c.getKey().endsWith("!");
            String field = not ? c.getKey().substring(0, c.getKey().length() - 1) : c.getKey();
            return not != like(String.valueOf(event.payload().get(field)), c.getValue());
        });
    }

    /** Whether a payload value is the condition's value, or starts with it when that ends in {@code *}. */
    private static boolean like(String value, String pattern) {
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(value);
    }

    /** For tests: a rule from plain key/values. */
    static PostingRule of(String name, Map<String, Object> properties) {
        return from(name, new java.util.Hashtable<>(properties));
    }
}
