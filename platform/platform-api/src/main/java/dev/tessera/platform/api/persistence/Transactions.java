package dev.tessera.platform.api.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Database transactions on the {@code tessera} DataSource, bound to the calling thread: every module writes its own
 * tables with plain SQL on the connection it is handed, and everything one business operation writes — the change,
 * its events ({@link dev.tessera.platform.api.event.EventPublisher}), its document numbers ({@link NumberSeries}),
 * another module's work it calls through that module's service, the REST request's idempotency record — commits or
 * rolls back together.
 * <pre>{@code
 * public Invoice issue(long orderId, String actor) {
 *     return transactions.required(c -> {
 *         long number = numbers.next(c, "INV-2026");
 *         Sql.insert(c, "SAL_INVOICE", row);
 *         events.publish(c, SalesEvents.INVOICE_ISSUED.event(...));
 *         return invoice;
 *     });
 * }
 * }</pre>
 * Work that runs while the thread already is in a transaction joins it, behind a savepoint: if that work fails, only
 * its own writes are undone and the failure goes to the caller, who may handle it and go on. The outermost work
 * commits when it returns and rolls back when it throws; a deadlock or serialization failure of the database rolls
 * it back and runs it again (up to three times), so work must not have effects outside the database before it ends.
 * Business failures ({@link dev.tessera.platform.api.TesseraException}) pass through unchanged; an
 * {@link SQLException} becomes {@code platform.persistence-failed}.
 */
@ProviderType
public interface Transactions {

    /** Runs the work in the thread's transaction, beginning one (and committing it) if there is none. */
    <T> T required(Work<T> work);

    /** As {@link #required(Work)}, for work without a result. */
    default void run(VoidWork work) {
        required(c -> {
            work.run(c);
            return null;
        });
    }

    /**
     * Begins a transaction on this thread that the caller ends itself, with {@link Transaction#commit()} or
     * {@link Transaction#close()} (which rolls back what was not committed), on the same thread. It is for frameworks
     * that wrap a unit of work they do not call directly, such as the REST layer's request transaction; modules use
     * {@link #required(Work)}.
     *
     * @throws IllegalStateException when the thread is in a transaction already
     */
    Transaction begin();

    /**
     * Rolls back a transaction that {@link #begin()} started on this thread and nobody ended, so that a thread of a
     * pool never carries it into unrelated work; true when there was one (which is a bug, and logged as one). A
     * framework calls it before it begins the next unit of work on a thread.
     */
    boolean rollBackAbandoned();

    /** Whether the calling thread is in a transaction now. */
    boolean active();

    /**
     * Runs the action once the thread's outermost transaction has committed (never when it rolls back); right away
     * when the thread is in no transaction. Failures of the action are logged, not thrown.
     */
    void afterCommit(Runnable action);

    /** Work on the transaction's connection; the connection must not be committed, rolled back or closed by it. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection transaction) throws SQLException;
    }

    @FunctionalInterface
    interface VoidWork {
        void run(Connection transaction) throws SQLException;
    }

    /** A transaction begun with {@link #begin()}. */
    interface Transaction extends AutoCloseable {
        /** Its connection, for work that is not called through {@link #required(Work)}. */
        Connection connection();

        /** Commits, then runs the after-commit actions. */
        void commit();

        /** Rolls back unless committed; ends the transaction either way. */
        @Override
        void close();
    }
}
