package dev.tessera.platform.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SignatureTest {
    private static final byte[] BODY = "{\"type\":\"sales.invoice.issued\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHmacSha256OfTimestampDotBodyAsAReceiverComputesIt() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret-s3cret-s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(
                ("1700000000." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, Signature.sign("s3cret-s3cret-s3cret", 1_700_000_000L, BODY));
    }

    @Test
    void anotherBodyTimestampOrSecretDoesNotVerify() {
        String signature = Signature.sign("s3cret-s3cret-s3cret", 1_700_000_000L, BODY);
        assertTrue(Signature.verify("s3cret-s3cret-s3cret", 1_700_000_000L, BODY, signature));
        assertFalse(Signature.verify("s3cret-s3cret-s3cret", 1_700_000_001L, BODY, signature));
        assertFalse(Signature.verify("another-secret-value", 1_700_000_000L, BODY, signature));
        assertFalse(Signature.verify("s3cret-s3cret-s3cret", 1_700_000_000L, "{}".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(Signature.verify("s3cret-s3cret-s3cret", 1_700_000_000L, BODY, null));
    }

    @Test
    void generatedSecretsAreLongAndDifferent() {
        String one = Signature.newSecret();
        assertTrue(one.startsWith("whsec_") && one.length() >= 40, one);
        assertNotEquals(one, Signature.newSecret());
    }
}
