package dev.tessera.crm.pipeline.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/dev.tessera.crm.pipeline.cfg}. */
@ObjectClassDefinition(name = "Tessera sales pipeline")
public @interface PipelineConfig {
    @AttributeDefinition(description = "The open stages in order, each name:probability in percent")
    String stages() default "qualified:10, demo:25, proposal:50, negotiation:75";

    @AttributeDefinition(description = "The stage a won deal ends in (probability 100)")
    String wonStage() default "won";

    @AttributeDefinition(description = "The stage a lost deal ends in (probability 0)")
    String lostStage() default "lost";

    @AttributeDefinition(description = "ISO 4217 code of the currency deals and the forecast are in unless given")
    String currency() default "EUR";

    @AttributeDefinition(description = "An open deal without a stage change or activity for this many days is stuck")
    int stuckAfterDays() default 30;

    @AttributeDefinition(description = "Open deals at or above this probability count as commit in the forecast")
    int commitProbability() default 75;

    @AttributeDefinition(description = "Days a quote is valid when it does not say")
    int quoteValidityDays() default 30;

    @AttributeDefinition(description = "The ledger tax code of quote lines that name none")
    String defaultTaxCode() default "VAT19";

    @AttributeDefinition(description = "Days before a contract term ends that its renewal deal and task are due")
    int renewalLeadDays() default 60;
}
