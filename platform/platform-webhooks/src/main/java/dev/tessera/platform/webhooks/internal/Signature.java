package dev.tessera.platform.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a delivery came from Tessera and was not replayed later: {@code X-Tessera-Signature:
 * sha256=<hex>} is the HMAC-SHA256, keyed with the webhook's secret, of {@code <X-Tessera-Timestamp>.<body>}.
 * A receiver recomputes it over the raw body and refuses a timestamp older than a few minutes.
 */
final class Signature {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signature() {
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Constant-time comparison of a received signature with the expected one. */
    static boolean verify(String secret, long timestamp, byte[] body, String received) {
        return received != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8));
    }

    /** A new secret: 32 random bytes, URL-safe Base64, prefixed so that it is recognisable in a receiver's settings. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
