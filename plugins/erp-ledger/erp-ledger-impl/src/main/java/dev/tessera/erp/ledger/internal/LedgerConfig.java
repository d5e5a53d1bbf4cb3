package dev.tessera.erp.ledger.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/dev.tessera.erp.ledger.cfg}. */
@ObjectClassDefinition(name = "Tessera general ledger")
public @interface LedgerConfig {
    @AttributeDefinition(description = "ISO 4217 code of the currency every entry balances in; set it before the first posting")
    String baseCurrency() default "EUR";

    @AttributeDefinition(description = "Month (1-12) in which the fiscal year starts")
    int fiscalYearStartMonth() default 1;

    @AttributeDefinition(description = "The equity account a year-end close moves the year's result to")
    String retainedEarningsAccount() default "3200";
}
