package dev.tessera.platform.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.apache.karaf.jaas.modules.Encryption;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Salted, memory-hard password hashes: Argon2id (Bouncy Castle) with OWASP's minimum settings, 19 MiB, 2 passes, one
 * lane, a 16-byte random salt and a 32-byte hash. A hash is stored as {@code argon2id$<m>$<t>$<p>$<salt>$<hash>} (base64
 * without padding; never a comma, which separates roles in etc/users.properties), so its settings travel with it and
 * stronger ones apply to new hashes without breaking old ones. An unsalted SHA-256 hash of an older installation (64 hex
 * digits) is still accepted, compared in constant time, and handed to {@code upgrade} with the password that matched it,
 * so that it is replaced at that first successful login.
 */
final class Argon2Passwords implements Encryption {
    static final int MEMORY_KIB = 19_456;
    static final int PASSES = 2;
    static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "argon2id$";
    private static final Pattern LEGACY = Pattern.compile("[0-9a-fA-F]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final BiConsumer<String, String> upgrade;

    /** @param upgrade called with (legacy hash, password) after a legacy hash matched */
    Argon2Passwords(BiConsumer<String, String> upgrade) {
        this.upgrade = upgrade;
    }

    @Override
    public String encryptPassword(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, PASSES, LANES);
        return PREFIX + MEMORY_KIB + "$" + PASSES + "$" + LANES + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    @Override
    public boolean checkPassword(String input, String stored) {
        if (input == null || stored == null) {
            return false;
        }
        if (stored.startsWith(PREFIX)) {
            return checkArgon2(input, stored);
        }
        if (LEGACY.matcher(stored).matches()) {
            boolean matches = MessageDigest.isEqual(sha256Hex(input).getBytes(StandardCharsets.US_ASCII),
                    stored.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            if (matches) {
                upgrade.accept(stored, input);
            }
            return matches;
        }
        return false;
    }

    private static boolean checkArgon2(String input, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 6) {
            return false;
        }
        try {
            int memory = Integer.parseInt(parts[1]);
            int passes = Integer.parseInt(parts[2]);
            int lanes = Integer.parseInt(parts[3]);
            if (memory < 8 || memory > 1_048_576 || passes < 1 || passes > 100 || lanes < 1 || lanes > 16) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[4]);
            byte[] expected = Base64.getDecoder().decode(parts[5]);
            return MessageDigest.isEqual(expected, argon2(input, salt, memory, passes, lanes, expected.length));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] argon2(String password, byte[] salt, int memory, int passes, int lanes) {
        return argon2(password, salt, memory, passes, lanes, HASH_BYTES);
    }

    private static byte[] argon2(String password, byte[] salt, int memory, int passes, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memory).withIterations(passes).withParallelism(lanes).build());
        byte[] hash = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        return hash;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
