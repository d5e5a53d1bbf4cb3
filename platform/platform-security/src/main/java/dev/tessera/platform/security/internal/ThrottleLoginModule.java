package dev.tessera.platform.security.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first, requisite module of the realm "karaf": refuses a login at once while its user or address is locked out
 * ({@link LoginThrottle}), and after the realm decided, logs every failed password login with its user and where it
 * came from (SSH, JMX, REST) and counts it. Public-key attempts (an SSH client tries its keys first) are not counted.
 */
public final class ThrottleLoginModule implements LoginModule {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottleLoginModule.class);

    private Subject subject;
    private CallbackHandler handler;
    private String user;
    private String address;
    private String via;
    private boolean password;
    private boolean refused;

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
    }

    @Override
    public boolean login() throws LoginException {
        for (ClientPrincipal client : subject.getPrincipals(ClientPrincipal.class)) {
            via = client.getMethod();
            address = host(client.getAddress());
        }
        NameCallback name = new NameCallback("user");
        PasswordCallback secret = new PasswordCallback("password", false);
        try {
            handler.handle(new Callback[] {name, secret});
            password = true;
        } catch (UnsupportedCallbackException keyOnly) {
            try {
                handler.handle(new Callback[] {name});
            } catch (IOException | UnsupportedCallbackException e) {
                return false;
            }
        } catch (IOException e) {
            return false;
        } finally {
            secret.clearPassword();
        }
        user = name.getName();
        if (!password) {
            return false;
        }
        Optional<Duration> locked = LoginThrottle.INSTANCE.lockedFor(user, address);
        if (locked.isPresent()) {
            refused = true;
            long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
            LOG.warn("Login refused for user {} from {}: locked out after repeated failures, for {} s more", user,
                    where(), seconds);
            throw new AccountLockedException("Too many failed logins: try again in " + seconds + " s");
        }
        return false; // this module only watches: the others decide
    }

    @Override
    public boolean commit() {
        if (password) {
            LoginThrottle.INSTANCE.succeeded(user, address);
        }
        return false;
    }

    @Override
    public boolean abort() {
        if (password && !refused) {
            int failures = LoginThrottle.INSTANCE.failed(user, address);
            LOG.warn("Login failed for user {} from {} ({} in a row)", user, where(), failures);
        }
        return false;
    }

    @Override
    public boolean logout() {
        return true;
    }

    private String where() {
        return (via == null ? "the console" : via) + (address == null ? "" : " " + address);
    }

    /** "/10.0.0.5:51234" or "10.0.0.5" as the host alone. */
    static String host(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String a = address.startsWith("/") ? address.substring(1) : address;
        int colon = a.lastIndexOf(':');
        if (colon > 0 && a.indexOf(':') == colon) { // IPv4 or a name with a port
            a = a.substring(0, colon);
        }
        return a;
    }
}
