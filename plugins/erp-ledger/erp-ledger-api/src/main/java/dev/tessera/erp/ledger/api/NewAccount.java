package dev.tessera.erp.ledger.api;

/**
 * An account to add to the chart: a code of digits (and dots or hyphens), a name, a type, an optional parent, and
 * whether it is a header that only groups others ({@code header} may be left out: null is false).
 */
public record NewAccount(String code, String name, AccountType type, String parent, Boolean header) {
    public NewAccount {
        header = Boolean.TRUE.equals(header);
    }
}
