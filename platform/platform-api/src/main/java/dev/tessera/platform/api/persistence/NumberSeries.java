package dev.tessera.platform.api.persistence;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Gap-free document numbers, e.g. {@code INV-2026-000001}. A number is taken inside the caller's transaction: a
 * rollback gives it back, and concurrent transactions on the same series wait for each other, so the committed
 * numbers of a series are contiguous and never repeat.
 */
@ProviderType
public interface NumberSeries {

    /** The next number of the series (1 for a new series), in the transaction of the given connection. */
    long next(Connection transaction, String series);

    /** {@code series-000042}: the series and the number padded to six digits. */
    static String format(String series, long number) {
        return String.format("%s-%06d", series, number);
    }
}
