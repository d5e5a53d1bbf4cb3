package dev.tessera.erp.sales.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/dev.tessera.erp.sales.cfg}. */
@ObjectClassDefinition(name = "Tessera sales")
public @interface SalesConfig {
    @AttributeDefinition(description = "ISO 4217 code of a new customer's currency")
    String currency() default "EUR";

    @AttributeDefinition(description = "Days a new customer has to pay an invoice")
    int paymentTermsDays() default 30;

    @AttributeDefinition(description = "The ledger tax code of order lines that name none")
    String defaultTaxCode() default "VAT19";

    @AttributeDefinition(description = "Warehouses to reserve and ship from, in order of preference; empty: any"
            + " warehouse with enough available stock, the one with most first")
    String warehouses() default "";

    @AttributeDefinition(description = "Minutes between checks for invoices that fell due (0: only on request)")
    int overdueCheckMinutes() default 60;
}
