package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;

/** An account's balance on a trial balance: its net amount in the debit or the credit column, the other zero. */
public record BalanceRow(String account, String name, AccountType type, BigDecimal debit, BigDecimal credit) {
}
