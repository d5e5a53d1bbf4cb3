package dev.tessera.platform.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** API tokens for HTTP clients ({@code Authorization: Bearer <secret>}), stored as SHA-256 hashes. */
@ProviderType
public interface ApiTokens {

    /**
     * Creates a token acting for a user of the JAAS realm with the roles the user has now.
     *
     * @param validity how long it works, or null for no expiry
     * @throws TesseraException {@code platform.unknown-user}, {@code platform.invalid-argument}
     */
    IssuedToken create(String user, Duration validity);

    /** Every token, newest first (no secrets). */
    List<ApiToken> list();

    /** Revokes a token at once. @throws TesseraException {@code platform.token-not-found} */
    ApiToken revoke(String id);

    /** The token a secret belongs to, if it exists and is neither expired nor revoked. */
    Optional<ApiToken> authenticate(String secret);
}
