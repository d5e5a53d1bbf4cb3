package dev.tessera.erp.sales.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** An accepted quote as {@code pipeline.quote.accepted} carries it: everything an order is made from. */
public record QuoteCopy(long quoteId, String quoteNumber, long opportunityId, long accountId, Currency currency,
                        boolean taxCalculated, List<Line> lines) {

    /** A quote line with the amounts the ledger's engine worked out for it. */
    public record Line(String sku, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
                       BigDecimal net, String taxCode, BigDecimal tax, BigDecimal gross, Integer contractMonths) {
    }

    /** Reads the event's payload; a payload without the fields an order needs is refused with what is missing. */
    @SuppressWarnings("unchecked")
    static QuoteCopy of(Map<String, Object> p) {
        List<Line> lines = new ArrayList<>();
        for (Object o : (List<Object>) require(p, "lines")) {
            Map<String, Object> l = (Map<String, Object>) o;
            lines.add(new Line(text(l.get("sku")), text(require(l, "description")), decimal(require(l, "quantity")),
                    decimal(require(l, "unitPrice")), decimal(l.getOrDefault("discountPercent", "0")),
                    decimal(require(l, "net")), text(l.get("taxCode")), decimal(require(l, "tax")),
                    decimal(require(l, "gross")), l.get("contractMonths") == null ? null
                    : Integer.valueOf(text(l.get("contractMonths")))));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the accepted quote has no lines");
        }
        return new QuoteCopy(Long.parseLong(text(require(p, "id"))), text(p.get("number")),
                Long.parseLong(text(require(p, "opportunityId"))), Long.parseLong(text(require(p, "accountId"))),
                Currency.getInstance(text(require(p, "currency"))), !"false".equals(text(p.get("taxCalculated"))),
                lines);
    }

    private static Object require(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the accepted quote has no '" + key + "'");
        }
        return value;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString().trim());
    }
}
