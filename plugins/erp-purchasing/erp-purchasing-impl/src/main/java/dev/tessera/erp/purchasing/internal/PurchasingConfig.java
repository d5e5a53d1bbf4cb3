package dev.tessera.erp.purchasing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/dev.tessera.erp.purchasing.cfg}. */
@ObjectClassDefinition(name = "Tessera purchasing")
public @interface PurchasingConfig {
    @AttributeDefinition(description = "ISO 4217 code of a new vendor's currency")
    String currency() default "EUR";

    @AttributeDefinition(description = "Days a new vendor gives to pay its bills")
    int paymentTermsDays() default 30;

    @AttributeDefinition(description = "Days a new vendor's goods take to arrive")
    int leadTimeDays() default 7;

    @AttributeDefinition(description = "Orders whose net total (in the order's currency) is above this need an approver"
            + " with role purchasing-approver or admin who did not write them")
    String approvalAbove() default "5000";

    @AttributeDefinition(description = "How many percent more than ordered a line may receive")
    String receiptTolerancePercent() default "0";

    @AttributeDefinition(description = "How many percent a vendor bill's price may differ from the order's, above or"
            + " below, and still match; a bill outside it is held for an approver")
    String billPriceTolerancePercent() default "2";
}
