package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;

/** An account on a financial statement, its amount signed the account type's normal way (positive as usual). */
public record StatementLine(String account, String name, BigDecimal amount) {
}
