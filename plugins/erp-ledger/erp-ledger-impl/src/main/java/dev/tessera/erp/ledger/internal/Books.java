package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;

import dev.tessera.platform.api.FieldError;

/**
 * What every part of the ledger shares: the base currency every entry balances in, its scale, the fiscal calendar
 * and the retained earnings account a year-end close books the result to (etc/dev.tessera.erp.ledger.cfg).
 */
record Books(Currency base, int scale, FiscalCalendar calendar, String retainedEarnings) {

    String currency() {
        return base.getCurrencyCode();
    }

    BigDecimal zero() {
        return BigDecimal.ZERO.setScale(scale);
    }

    static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }
}
