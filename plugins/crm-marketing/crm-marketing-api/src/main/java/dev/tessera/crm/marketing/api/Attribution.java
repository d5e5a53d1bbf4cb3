package dev.tessera.crm.marketing.api;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/** Revenue attribution. */
@ProviderType
public interface Attribution {
    /** The report of the period under the model. */
    AttributionReport report(AttributionModel model, LocalDate from, LocalDate to);
}
