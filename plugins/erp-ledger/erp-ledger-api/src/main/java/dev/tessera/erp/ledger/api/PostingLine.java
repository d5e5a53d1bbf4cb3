package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;

/**
 * One line of a journal entry to post: an account and either a debit or a credit, never both and never negative.
 * Amounts are in {@code currency} (null for the base currency); a foreign-currency line converts at {@code rate}
 * (base units per foreign unit), or at the rates table's rate for the entry's date when {@code rate} is null.
 * {@code department} and {@code project} are optional analysis dimensions.
 */
public record PostingLine(String account, BigDecimal debit, BigDecimal credit, String currency, BigDecimal rate,
                          String department, String project, String memo) {

    /** A base-currency debit line. */
    public static PostingLine debit(String account, String amount) {
        return new PostingLine(account, new BigDecimal(amount), null, null, null, null, null, null);
    }

    /** A base-currency credit line. */
    public static PostingLine credit(String account, String amount) {
        return new PostingLine(account, null, new BigDecimal(amount), null, null, null, null, null);
    }
}
