package dev.tessera.crm.marketing.api;

import java.math.BigDecimal;

/** What one campaign is credited with of one conversion. */
public record Credit(String campaign, BigDecimal amount) {
}
