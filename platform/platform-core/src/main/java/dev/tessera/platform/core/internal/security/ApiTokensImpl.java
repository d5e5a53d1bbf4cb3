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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.login.AppConfigurationEntry;
import javax.sql.DataSource;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.ApiToken;
import dev.tessera.platform.api.ApiTokens;
import dev.tessera.platform.api.IssuedToken;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.persistence.ModuleSchema;

/**
 * Tokens keep only the SHA-256 hash of their secret. A token acts with the roles its user has in the Karaf JAAS
 * realm when it is created, read through the realm's backing engines (properties, JDBC or LDAP alike).
 */
@Component(service = ApiTokens.class)
public final class ApiTokensImpl implements ApiTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokensImpl.class);
    private static final String REALM = "karaf";
    private static final String PREFIX = "tsr_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<BackingEngineFactory> engines = new CopyOnWriteArrayList<>();

    @Activate
    public ApiTokensImpl(@Reference(target = "(tessera.module=platform)") ModuleSchema schema,
                         @Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public IssuedToken create(String user, Duration validity) {
        if (user == null || user.isBlank()) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "Name the user the token acts for");
        }
        if (validity != null && (validity.isNegative() || validity.isZero())) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "A token's validity must be positive, e.g. 30d");
        }
        Set<String> roles = roles(user.trim());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), user.trim(), roles, now,
                validity == null ? null : now.plus(validity), null, null);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO TSR_API_TOKEN (ID, USER_NAME, ROLES, TOKEN_HASH, CREATED_AT, EXPIRES_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, token.id());
            s.setString(2, token.user());
            s.setString(3, String.join(",", roles));
            s.setString(4, hash(secret));
            s.setTimestamp(5, Timestamp.from(now));
            s.setTimestamp(6, token.expiresAt() == null ? null : Timestamp.from(token.expiresAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("store the token", e);
        }
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
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE TSR_API_TOKEN SET REVOKED_AT = ? WHERE ID = ? AND REVOKED_AT IS NULL")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setString(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("revoke the token", e);
        }
        ApiToken token = query("SELECT * FROM TSR_API_TOKEN WHERE ID = ?", id).stream().findFirst()
                .orElseThrow(() -> new TesseraException(PlatformErrors.TOKEN_NOT_FOUND, "No API token '" + id
                        + "' (see tessera:tokens)"));
        LOG.info("API token {} of user {} revoked", token.id(), token.user());
        return token;
    }

    @Override
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Optional<ApiToken> token = query("SELECT * FROM TSR_API_TOKEN WHERE TOKEN_HASH = ?", hash).stream().findFirst()
                .filter(t -> t.usable(Instant.now()));
        token.ifPresent(t -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE TSR_API_TOKEN SET LAST_USED_AT = ? WHERE ID = ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setString(2, t.id());
                s.executeUpdate();
            } catch (SQLException e) {
                LOG.warn("Could not note the use of API token {}: {}", t.id(), e.getMessage());
            }
        });
        return token;
    }

    /** The user's roles in the realm, direct and through groups. */
    private Set<String> roles(String user) {
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
                    return roles;
                }
            }
        }
        throw new TesseraException(PlatformErrors.UNKNOWN_USER, "No user '" + user + "' in the realm '" + REALM
                + "': add the user first (bin/tessera add-user, or etc/users.properties)");
    }

    private List<ApiToken> query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
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
        } catch (SQLException e) {
            throw failure("read the tokens", e);
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

    private static TesseraException failure(String what, SQLException e) {
        return new TesseraException(PlatformErrors.PERSISTENCE_FAILED, "Could not " + what + ": " + e.getMessage(), e);
    }
}
