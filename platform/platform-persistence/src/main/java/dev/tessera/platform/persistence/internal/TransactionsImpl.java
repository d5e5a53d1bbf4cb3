package dev.tessera.platform.persistence.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * Thread-bound transactions on the tessera DataSource. The outermost work of a thread takes a pooled connection,
 * turns auto-commit off and commits or rolls back at its end; nested work joins behind a savepoint. Modules get a
 * guarded view of the connection that refuses commit, rollback, close and auto-commit changes, so no module can
 * end a transaction that others share.
 */
@Component(service = Transactions.class)
public final class TransactionsImpl implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionsImpl.class);
    private static final int ATTEMPTS = 3;
    private static final Set<String> GUARDED = Set.of("commit", "rollback", "close", "setAutoCommit", "abort",
            "setTransactionIsolation");

    /** The thread's transaction. */
    private static final class Frame {
        final Connection raw;
        final Connection guarded;
        final boolean begun;
        final List<Runnable> afterCommit = new ArrayList<>();
        boolean ended;

        Frame(Connection raw, boolean begun) {
            this.raw = raw;
            this.begun = begun;
            this.guarded = guard(raw);
        }
    }

    private final DataSource dataSource;
    private final ThreadLocal<Frame> current = new ThreadLocal<>();

    @Activate
    public TransactionsImpl(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T required(Work<T> work) {
        Frame frame = current.get();
        if (frame != null) {
            return nested(frame, work);
        }
        for (int attempt = 1; ; attempt++) {
            frame = open(false);
            try {
                T result = work.run(frame.guarded);
                frame.raw.commit();
                frame.ended = true;
                end(frame);
                runAfterCommit(frame);
                return result;
            } catch (Throwable failure) {
                rollback(frame);
                end(frame);
                if (attempt < ATTEMPTS && (retryable(failure) || raced(failure))) {
                    LOG.debug("Transaction rolled back after a conflict, attempt {} of {}: {}", attempt, ATTEMPTS,
                            failure.toString());
                    continue;
                }
                throw translate(failure);
            }
        }
    }

    private <T> T nested(Frame frame, Work<T> work) {
        Savepoint savepoint;
        try {
            savepoint = frame.raw.setSavepoint();
        } catch (SQLException e) {
            throw translate(e);
        }
        int actions = frame.afterCommit.size();
        try {
            T result = work.run(frame.guarded);
            frame.raw.releaseSavepoint(savepoint);
            return result;
        } catch (Throwable failure) {
            try {
                frame.raw.rollback(savepoint);
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            frame.afterCommit.subList(actions, frame.afterCommit.size()).clear();
            throw translate(failure);
        }
    }

    @Override
    public Transaction begin() {
        if (current.get() != null) {
            throw new IllegalStateException("This thread is in a transaction already; begin() starts outermost"
                    + " transactions only");
        }
        Frame frame = open(true);
        return new Transaction() {
            @Override
            public Connection connection() {
                return frame.guarded;
            }

            @Override
            public void commit() {
                if (frame.ended) {
                    throw new IllegalStateException("The transaction has ended already");
                }
                try {
                    frame.raw.commit();
                } catch (SQLException e) {
                    rollback(frame);
                    end(frame);
                    throw translate(e);
                }
                frame.ended = true;
                end(frame);
                runAfterCommit(frame);
            }

            @Override
            public void close() {
                if (!frame.ended) {
                    rollback(frame);
                    end(frame);
                }
            }
        };
    }

    @Override
    public boolean rollBackAbandoned() {
        Frame leftover = current.get();
        if (leftover == null || !leftover.begun) {
            return false;
        }
        LOG.error("A transaction begun on thread {} was never ended; it is rolled back now",
                Thread.currentThread().getName());
        rollback(leftover);
        end(leftover);
        return true;
    }

    @Override
    public boolean active() {
        return current.get() != null;
    }

    @Override
    public void afterCommit(Runnable action) {
        Frame frame = current.get();
        if (frame == null) {
            run(action);
        } else {
            frame.afterCommit.add(action);
        }
    }

    // ------------------------------------------------------------------ plumbing

    private Frame open(boolean begun) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new TesseraException(PlatformErrors.DATABASE_UNAVAILABLE, "The database does not answer: "
                    + e.getMessage() + "; try again shortly (tessera:health tells more)", e);
        }
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            close(connection);
            throw translate(e);
        }
        Frame frame = new Frame(connection, begun);
        current.set(frame);
        return frame;
    }

    private static void rollback(Frame frame) {
        frame.ended = true;
        try {
            frame.raw.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed: {}", e.toString());
        }
    }

    private void end(Frame frame) {
        if (current.get() == frame) {
            current.remove();
        }
        close(frame.raw);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a database connection failed: {}", e.toString());
        }
    }

    private static void runAfterCommit(Frame frame) {
        for (Runnable action : frame.afterCommit) {
            run(action);
        }
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("An action after commit failed: {}", e.toString(), e);
        }
    }

    /** A deadlock, lock timeout or serialization failure: running the work again may succeed. */
    static boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.equals("40001") || state.equals("40P01") || state.equals("40XL1")
                            || state.equals("40XL2"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A unique key already taken: most often work that looked for a row, did not find it and inserted it, while
     * another transaction inserted the same row and committed first (a read-only copy made by an event subscriber
     * and by a request at once). Run again, the work finds the row. A duplicate that stays is reported as before,
     * after the last attempt.
     */
    static boolean raced(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static RuntimeException translate(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (retryable(failure)) {
            return new TesseraException(PlatformErrors.TRANSACTION_CONFLICT, "Another operation was changing the same"
                    + " records at the same time; send the request again", failure);
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new TesseraException(PlatformErrors.PERSISTENCE_FAILED, "The database refused the operation: "
                + failure.getMessage(), failure);
    }

    private static Connection guard(Connection raw) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (GUARDED.contains(method.getName())) {
                throw new IllegalStateException("Connection." + method.getName() + " is not for modules: the"
                        + " transaction belongs to Transactions, which commits or rolls it back when the outermost"
                        + " work ends");
            }
            try {
                return method.invoke(raw, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(TransactionsImpl.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }
}
