package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.JournalLine;

/**
 * The hash that chains posted entries: SHA-256 of the previous entry's hash and every field of this entry that an
 * auditor relies on (number, date, text, source, reversal link, who and when, every line). Changing any of them in
 * the database, or removing an entry, breaks the chain at that entry.
 */
final class EntryHash {
    static final String GENESIS = "0".repeat(64);

    private EntryHash() {
    }

    static String of(String previous, JournalEntry entry) {
        StringBuilder text = new StringBuilder(previous);
        field(text, entry.number());
        field(text, entry.date());
        field(text, entry.description());
        field(text, entry.sourceModule());
        field(text, entry.sourceReference());
        field(text, entry.reverses());
        field(text, entry.postedBy());
        field(text, entry.postedAt().toEpochMilli());
        field(text, entry.currency());
        field(text, amount(entry.total()));
        for (JournalLine line : entry.lines()) {
            field(text, line.line());
            field(text, line.account());
            field(text, amount(line.debit()));
            field(text, amount(line.credit()));
            field(text, line.currency());
            field(text, amount(line.foreignAmount()));
            field(text, amount(line.rate()));
            field(text, line.department());
            field(text, line.project());
            field(text, line.memo());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Each field with its length, so that no two different entries give the same text. */
    private static void field(StringBuilder text, Object value) {
        String s = value == null ? "" : value.toString();
        text.append('|').append(value == null ? -1 : s.length()).append(':').append(s);
    }

    /** Amounts by value, whatever scale the database returns them in. */
    private static String amount(BigDecimal value) {
        return value == null ? null : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
