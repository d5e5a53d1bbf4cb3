package dev.tessera.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {

    @Test
    void aJsonAnswerIsKeptAsItsTextAndReadBackByteForByte() {
        byte[] json = "{\"name\":\"Müller & Söhne\",\"amount\":12.50}".getBytes(StandardCharsets.UTF_8);
        String kept = IdempotencyStore.encode(json);
        assertEquals("{\"name\":\"Müller & Söhne\",\"amount\":12.50}", kept);
        assertArrayEquals(json, IdempotencyStore.decode(kept));
    }

    @Test
    void bytesThatAreNoTextSurviveTheRoundTripToo() {
        byte[] binary = {(byte) 0xff, 0x00, (byte) 0xc3, 0x28, 0x41};
        assertArrayEquals(binary, IdempotencyStore.decode(IdempotencyStore.encode(binary)));
    }
}
