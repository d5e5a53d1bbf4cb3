package dev.tessera.platform.api;

import java.time.Instant;
import java.util.Set;

/**
 * An API token as the platform keeps it: never the secret itself, only who it acts for and with which roles.
 *
 * @param id         token id, for listing and revoking
 * @param user       the user it acts for
 * @param roles      the roles it acts with: its user's roles in the realm when it was last used (or created)
 * @param createdAt  when it was created
 * @param expiresAt  when it stops working, or null for never
 * @param revokedAt  when it was revoked, or null
 * @param lastUsedAt when it last authenticated a request, or null
 */
public record ApiToken(String id, String user, Set<String> roles, Instant createdAt, Instant expiresAt,
                       Instant revokedAt, Instant lastUsedAt) {
    public ApiToken {
        roles = Set.copyOf(roles);
    }

    public boolean usable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
