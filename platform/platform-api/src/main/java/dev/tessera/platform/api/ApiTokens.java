package dev.tessera.platform.api;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * API tokens for HTTP clients ({@code Authorization: Bearer <secret>}), stored as SHA-256 hashes. A token acts for
 * its user with the roles the user has in the realm when the token is used (read again after a short cache time),
 * and is revoked when its user is gone from the realm.
 */
@ProviderType
public interface ApiTokens {
    /** The validity of a token that never expires; only given when asked for explicitly. */
    Duration NO_EXPIRY = ChronoUnit.FOREVER.getDuration();

    /**
     * Creates a token acting for a user of the JAAS realm.
     *
     * @param validity how long it works; null for the configured default (etc/dev.tessera.platform.tokens.cfg,
     *                 90 days unless changed there), {@link #NO_EXPIRY} for a token that never expires
     * @throws TesseraException {@code platform.unknown-user}, {@code platform.invalid-argument}
     */
    IssuedToken create(String user, Duration validity);

    /** Every token, newest first (no secrets). */
    List<ApiToken> list();

    /** Revokes a token at once. @throws TesseraException {@code platform.token-not-found} */
    ApiToken revoke(String id);

    /**
     * The token a secret belongs to, if it exists, is neither expired nor revoked and its user is still in the realm;
     * its roles are the user's roles now.
     */
    Optional<ApiToken> authenticate(String secret);
}
