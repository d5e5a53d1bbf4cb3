package dev.tessera.erp.ledger.api;

/** An account to add to the chart: a code of digits (and dots or hyphens), a name, a type, an optional parent. */
public record NewAccount(String code, String name, AccountType type, String parent, boolean header) {
}
