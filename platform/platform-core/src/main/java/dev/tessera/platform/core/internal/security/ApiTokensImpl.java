package dev.tessera.platform.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.ApiToken;
import dev.tessera.platform.api.ApiTokens;
import dev.tessera.platform.api.IssuedToken;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * Tokens keep only the SHA-256 hash of their secret. A token acts for its user with the roles the user has in the
 * Karaf JAAS realm now, read through the realm's backing engines (properties, JDBC or LDAP alike) when it is used
 * and kept for {@code rolesCacheSeconds} at most; a token whose user is gone from the realm is revoked at its next
 * use. A token expires after {@code defaultValidityDays} unless another validity, or none, is asked for.
 */
@Component(service = ApiTokens.class, configurationPid = ApiTokensImpl.PID)
@Designate(ocd = ApiTokensImpl.Config.class)
public final class ApiTokensImpl implements ApiTokens {
    static final String PID = "dev.tessera.platform.tokens";
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokensImpl.class);
    private static final String REALM = "karaf";
    private static final String PREFIX = "tsr_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration NOTE_USE_EVERY = Duration.ofMinutes(1);

    @ObjectClassDefinition(name = "Tessera API tokens")
    public @interface Config {
        @AttributeDefinition(description = "Validity of a token created without one, in days")
        int defaultValidityDays() default 90;

        @AttributeDefinition(description = "How long a user's roles read from the realm are reused, in seconds"
                + " (a change of roles or a removed user takes effect on tokens within this time)")
        int rolesCacheSeconds() default 30;
    }

    /** A user's roles as the realm had them at {@code readAt}; empty roles = the user does not exist. */
    private record Lookup(Optional<Set<String>> roles, long readAt) {
    }

    private final Transactions transactions;
    private final Duration defaultValidity;
    private final long rolesCacheNanos;
    private final Map<String, Lookup> rolesByUser = new ConcurrentHashMap<>();
    private final Map<String, Instant> useNoted = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<BackingEngineFactory> engines = new CopyOnWriteArrayList<>();

    @Activate
    public ApiTokensImpl(@Reference(target = "(tessera.module=platform)") ModuleSchema schema,
                         @Reference Transactions transactions, Config config) {
        this.transactions = transactions;
        this.defaultValidity = Duration.ofDays(config.defaultValidityDays() > 0 ? config.defaultValidityDays() : 90);
        this.rolesCacheNanos = TimeUnit.SECONDS.toNanos(Math.max(0, config.rolesCacheSeconds()));
    }

    @Override
    public IssuedToken create(String user, Duration validity) {
        if (user == null || user.isBlank()) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "Name the user the token acts for");
        }
        if (validity != null && !NO_EXPIRY.equals(validity) && (validity.isNegative() || validity.isZero())) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "A token's validity must be positive, e.g. 30d");
        }
        Set<String> roles = lookup(user.trim(), true).orElseThrow(() -> new TesseraException(
                PlatformErrors.UNKNOWN_USER, "No user '" + user.trim() + "' in the realm '" + REALM + "': add the user"
                + " first (bin/tessera add-user, or etc/users.properties)"));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        Duration lasting = validity == null ? defaultValidity : validity;
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), user.trim(), roles, now,
                NO_EXPIRY.equals(lasting) ? null : now.plus(lasting), null, null);
        transactions.run(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO TSR_API_TOKEN (ID, USER_NAME, ROLES, TOKEN_HASH,"
                    + " CREATED_AT, EXPIRES_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, token.id());
                s.setString(2, token.user());
                s.setString(3, String.join(",", roles));
                s.setString(4, hash(secret));
                s.setTimestamp(5, Timestamp.from(now));
                s.setTimestamp(6, token.expiresAt() == null ? null : Timestamp.from(token.expiresAt()));
                s.executeUpdate();
            }
        });
        LOG.info("API token {} created for user {} with roles {} (expires {})", token.id(), token.user(), roles,
                token.expiresAt() == null ? "never" : token.expiresAt());
        return new IssuedToken(token, secret);
    }

    @Override
    public List<ApiToken> list() {
        return query("SELECT * FROM TSR_API_TOKEN ORDER BY CREATED_AT DESC", null);
    }

    @Override
    public ApiToken revoke(String id) {
        ApiToken token = transactions.required(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE TSR_API_TOKEN SET REVOKED_AT = ? WHERE ID = ? AND REVOKED_AT IS NULL")) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setString(2, id);
                s.executeUpdate();
            }
            return query(c, "SELECT * FROM TSR_API_TOKEN WHERE ID = ?", id).stream().findFirst()
                    .orElseThrow(() -> new TesseraException(PlatformErrors.TOKEN_NOT_FOUND, "No API token '" + id
                            + "' (see tessera:tokens)"));
        });
        LOG.info("API token {} of user {} revoked", token.id(), token.user());
        return token;
    }

    @Override
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<ApiToken> stored = query("SELECT * FROM TSR_API_TOKEN WHERE TOKEN_HASH = ?", hash(secret)).stream()
                .findFirst().filter(t -> t.usable(now));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = stored.get();
        Optional<Set<String>> roles;
        try {
            roles = lookup(token.user(), false);
        } catch (TesseraException realmAway) {
            LOG.warn("API token {} refused: {}", token.id(), realmAway.getMessage());
            return Optional.empty();
        }
        if (roles.isEmpty()) {
            revokeOrphan(token);
            return Optional.empty();
        }
        noteUse(token, roles.get(), now);
        return Optional.of(new ApiToken(token.id(), token.user(), roles.get(), token.createdAt(), token.expiresAt(),
                null, now));
    }

    /** The user is gone from the realm: the token dies with it, for good (a new user of that name is someone else). */
    private void revokeOrphan(ApiToken token) {
        transactions.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE TSR_API_TOKEN SET REVOKED_AT = ? WHERE ID = ? AND REVOKED_AT IS NULL")) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setString(2, token.id());
                s.executeUpdate();
            }
        });
        LOG.warn("API token {} revoked: its user {} is no longer in the realm", token.id(), token.user());
    }

    /** Notes when a token was last used, and the roles it acted with, at most once a minute per token. */
    private void noteUse(ApiToken token, Set<String> roles, Instant now) {
        Instant noted = useNoted.get(token.id());
        if (noted != null && noted.plus(NOTE_USE_EVERY).isAfter(now) && roles.equals(token.roles())) {
            return;
        }
        useNoted.put(token.id(), now);
        try {
            transactions.run(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE TSR_API_TOKEN SET LAST_USED_AT = ?, ROLES = ? WHERE ID = ?")) {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setString(2, String.join(",", new TreeSet<>(roles)));
                    s.setString(3, token.id());
                    s.executeUpdate();
                }
            });
        } catch (TesseraException e) {
            LOG.warn("Could not note the use of API token {}: {}", token.id(), e.getMessage());
        }
    }

    /**
     * The user's roles in the realm now (cached briefly unless {@code fresh}), empty when the realm has no such user.
     *
     * @throws TesseraException when no backing engine of the realm can be asked (so nobody is taken for gone)
     */
    private Optional<Set<String>> lookup(String user, boolean fresh) {
        long now = System.nanoTime();
        Lookup cached = rolesByUser.get(user);
        if (!fresh && cached != null && now - cached.readAt() < rolesCacheNanos) {
            return cached.roles();
        }
        Optional<Set<String>> roles = roles(user);
        rolesByUser.put(user, new Lookup(roles, now));
        return roles;
    }

    /** The user's roles in the realm, direct and through groups; empty when no backing engine knows the user. */
    private Optional<Set<String>> roles(String user) {
        boolean asked = false;
        for (JaasRealm realm : realms) {
            if (!REALM.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                // Karaf wraps each login module in a proxy and names the real one in this option
                Object wrapped = entry.getOptions().get("org.apache.karaf.jaas.module");
                String moduleClass = wrapped != null ? wrapped.toString() : entry.getLoginModuleName();
                for (BackingEngineFactory factory : engines) {
                    if (!factory.getModuleClass().equals(moduleClass)) {
                        continue;
                    }
                    BackingEngine engine = factory.build(entry.getOptions());
                    asked = true;
                    UserPrincipal principal = engine.lookupUser(user);
                    if (principal == null) {
                        continue;
                    }
                    Set<String> roles = new TreeSet<>();
                    engine.listRoles(principal).stream().map(Principal::getName)
                            .filter(r -> !r.startsWith(BackingEngine.GROUP_PREFIX)).forEach(roles::add);
                    for (GroupPrincipal group : engine.listGroups(principal)) {
                        engine.listRoles(group).stream().map(Principal::getName).forEach(roles::add);
                    }
                    return Optional.of(roles);
                }
            }
        }
        if (!asked) {
            throw new TesseraException(PlatformErrors.DATABASE_UNAVAILABLE, "The realm '" + REALM + "' cannot be"
                    + " read now (its backing engine is not available); try again shortly");
        }
        return Optional.empty();
    }

    private List<ApiToken> query(String sql, String parameter) {
        return transactions.required(c -> query(c, sql, parameter));
    }

    private static List<ApiToken> query(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            List<ApiToken> tokens = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String roles = rs.getString("ROLES");
                    tokens.add(new ApiToken(rs.getString("ID"), rs.getString("USER_NAME"),
                            roles.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(roles.split(","))),
                            instant(rs.getTimestamp("CREATED_AT")), instant(rs.getTimestamp("EXPIRES_AT")),
                            instant(rs.getTimestamp("REVOKED_AT")), instant(rs.getTimestamp("LAST_USED_AT"))));
                }
            }
            return tokens;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
