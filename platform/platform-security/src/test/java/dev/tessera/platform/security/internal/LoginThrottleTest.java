package dev.tessera.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private long now = 1_000_000_000L;
    private final LoginThrottle throttle = new LoginThrottle(() -> now);

    @Test
    void aUserIsLockedOutAfterFiveFailuresForLongerWithEachFurtherOne() {
        for (int i = 1; i <= 4; i++) {
            throttle.failed("alice", "10.0.0.1");
            assertEquals(Optional.empty(), throttle.lockedFor("alice", "10.0.0.1"), "failure " + i + " is free");
        }
        throttle.failed("alice", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.lockedFor("alice", "10.0.0.2"));
        now += Duration.ofSeconds(1).toNanos();
        assertEquals(Optional.empty(), throttle.lockedFor("alice", "10.0.0.2"));
        throttle.failed("ALICE", "10.0.0.2");
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.lockedFor("alice", null), "names are not case-sensitive");
        for (int i = 0; i < 30; i++) {
            throttle.failed("alice", "10.0.0.3");
        }
        assertEquals(Optional.of(LoginThrottle.MAX_LOCK), throttle.lockedFor("alice", null), "never more than 15 minutes");
    }

    @Test
    void aSuccessClearsTheCountAndOldFailuresAreForgotten() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("bob", "10.0.0.1");
        }
        throttle.succeeded("bob", "10.0.0.1");
        throttle.failed("bob", "10.0.0.1");
        assertEquals(Optional.empty(), throttle.lockedFor("bob", "10.0.0.1"));
        for (int i = 0; i < 3; i++) {
            throttle.failed("carol", null);
        }
        now += LoginThrottle.FORGET_AFTER.toNanos() + 1;
        assertEquals(1, throttle.failed("carol", null), "failures older than 15 minutes start over");
    }

    @Test
    void anAddressTryingManyUsersIsLockedOutForAllOfThem() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertTrue(throttle.lockedFor("someone-else", "192.0.2.7").isPresent());
        assertEquals(Optional.empty(), throttle.lockedFor("someone-else", "192.0.2.8"));
    }

    @Test
    void theHostOfAnAddressIsWhatCounts() {
        assertEquals("10.0.0.5", ThrottleLoginModule.host("/10.0.0.5:51234"));
        assertEquals("10.0.0.5", ThrottleLoginModule.host("10.0.0.5"));
        assertEquals("0:0:0:0:0:0:0:1", ThrottleLoginModule.host("0:0:0:0:0:0:0:1"));
        assertEquals(null, ThrottleLoginModule.host(""));
    }
}
