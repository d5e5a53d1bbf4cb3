package dev.tessera.platform.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces an old unsalted SHA-256 hash in etc/users.properties by a new hash of the password that just matched it,
 * off the login's thread. Only the hash between the realm's prefix and suffix changes: the roles, groups, comments and
 * the order of the file stay as they are, and the file is replaced in one move, so a reader never sees half of it.
 * Users who shared the old hash shared the password, and all of them get new hashes of their own.
 */
final class LegacyUpgrade implements BiConsumer<String, String>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyUpgrade.class);

    private final Path users;
    private final String prefix;
    private final String suffix;
    private final Function<String, String> hash;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tessera-password-upgrade");
        t.setDaemon(true);
        return t;
    });

    LegacyUpgrade(Path users, String prefix, String suffix, Function<String, String> hash) {
        this.users = users;
        this.prefix = prefix;
        this.suffix = suffix;
        this.hash = hash;
    }

    @Override
    public void accept(String legacy, String password) {
        try {
            worker.execute(() -> upgrade(legacy, password));
        } catch (RejectedExecutionException stopping) {
            // upgraded at a later login
        }
    }

    /** Rewrites the file with every occurrence of the old hash replaced; true when something was replaced. */
    synchronized boolean upgrade(String legacy, String password) {
        try {
            String text = Files.readString(users, StandardCharsets.UTF_8);
            Matcher m = Pattern.compile(Pattern.quote(prefix) + "(?i:" + Pattern.quote(legacy) + ")"
                    + Pattern.quote(suffix)).matcher(text);
            StringBuilder out = new StringBuilder();
            int replaced = 0;
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(prefix + hash.apply(password) + suffix));
                replaced++;
            }
            if (replaced == 0) {
                return false; // changed meanwhile, or the realm reads another file
            }
            m.appendTail(out);
            Path next = users.resolveSibling(users.getFileName() + ".upgrade");
            Files.writeString(next, out, StandardCharsets.UTF_8);
            Files.move(next, users, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Replaced {} unsalted SHA-256 password hash(es) in {} by Argon2id at a successful login", replaced,
                    users);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not upgrade an old password hash in {} (tried again at the next login): {}", users,
                    e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
