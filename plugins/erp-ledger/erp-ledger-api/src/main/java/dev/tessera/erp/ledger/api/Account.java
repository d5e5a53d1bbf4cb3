package dev.tessera.erp.ledger.api;

/**
 * An account of the chart. A header account groups others and takes no postings; an inactive account takes no new
 * postings but keeps its history.
 *
 * @param code   the account number, e.g. {@code 1200}
 * @param parent the code of the header account it belongs to, or null at the top
 */
public record Account(String code, String name, AccountType type, String parent, boolean header, boolean active) {
}
