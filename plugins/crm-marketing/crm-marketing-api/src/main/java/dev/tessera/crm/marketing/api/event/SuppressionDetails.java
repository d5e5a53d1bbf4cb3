package dev.tessera.crm.marketing.api.event;

import dev.tessera.crm.marketing.api.SuppressionReason;

/** An address put on the suppression list ({@code suppressed}) or taken off it, with the reason and source. */
public record SuppressionDetails(String email, SuppressionReason reason, boolean suppressed, String source) {
}
