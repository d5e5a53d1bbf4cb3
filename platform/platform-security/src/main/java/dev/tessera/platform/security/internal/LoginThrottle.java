package dev.tessera.platform.security.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per user and per address, and the back-off they earn: a user is locked out after 5 failures in a
 * row, an address after 20 (many users tried from one place), first for 1 s, then twice as long with each further
 * failure, at most 15 minutes. A successful login clears the user's and the address's count. Unknown users are
 * counted like known ones, so the lockout never tells which users exist. Nothing here sleeps: a locked login is
 * refused at once, so no SSH worker or HTTP thread is held.
 */
final class LoginThrottle {
    static final LoginThrottle INSTANCE = new LoginThrottle(System::nanoTime);

    static final int USER_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    interface Clock {
        long nanos();
    }

    /** Failures in a row and until when the next attempt is refused. */
    private record Record(int failures, long lastFailure, long lockedUntil) {
    }

    private final Clock clock;
    private final Map<String, Record> users = new ConcurrentHashMap<>();
    private final Map<String, Record> addresses = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the user or the address must still wait, when either is locked out now. */
    Optional<Duration> lockedFor(String user, String address) {
        long now = clock.nanos();
        long wait = Math.max(remaining(users.get(key(user)), now), address == null ? 0 : remaining(addresses.get(address), now));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    /** Counts a failed login; returns the user's failures in a row. */
    int failed(String user, String address) {
        long now = clock.nanos();
        Record u = users.compute(key(user), (k, r) -> next(r, now, USER_FREE_FAILURES));
        if (address != null) {
            addresses.compute(address, (k, r) -> next(r, now, ADDRESS_FREE_FAILURES));
        }
        trim(users, now);
        trim(addresses, now);
        return u.failures();
    }

    void succeeded(String user, String address) {
        users.remove(key(user));
        if (address != null) {
            addresses.remove(address);
        }
    }

    private static Record next(Record r, long now, int free) {
        int failures = r == null || now - r.lastFailure() > FORGET_AFTER.toNanos() ? 1 : r.failures() + 1;
        long lock = 0;
        if (failures >= free) {
            int doublings = Math.min(failures - free, 20);
            lock = Math.min(Duration.ofSeconds(1L << doublings).toNanos(), MAX_LOCK.toNanos());
        }
        return new Record(failures, now, lock == 0 ? 0 : now + lock);
    }

    private static long remaining(Record r, long now) {
        return r == null ? 0 : Math.max(0, r.lockedUntil() - now);
    }

    /** Keeps the tables bounded: forgets stale records, and the oldest when there are still too many. */
    private static void trim(Map<String, Record> table, long now) {
        if (table.size() <= MAX_TRACKED) {
            return;
        }
        table.values().removeIf(r -> now - r.lastFailure() > FORGET_AFTER.toNanos() && r.lockedUntil() < now);
        Iterator<String> it = table.keySet().iterator();
        while (table.size() > MAX_TRACKED && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static String key(String user) {
        return user == null ? "" : user.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
