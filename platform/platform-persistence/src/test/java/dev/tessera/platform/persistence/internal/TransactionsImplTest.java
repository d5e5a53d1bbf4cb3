package dev.tessera.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.persistence.Transactions;

class TransactionsImplTest {
    private static final AtomicInteger DB = new AtomicInteger();

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    private EmbeddedDataSource dataSource;
    private TransactionsImpl transactions;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:transactions-" + DB.incrementAndGet());
        dataSource.setCreateDatabase("create");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE T (ID INT PRIMARY KEY, NAME VARCHAR(20))");
        }
        transactions = new TransactionsImpl(dataSource);
    }

    @Test
    void workThatReturnsIsCommittedAndWorkThatThrowsWritesNothing() throws Exception {
        transactions.run(c -> insert(c, 1, "kept"));
        TesseraException refused = assertThrows(TesseraException.class, () -> transactions.run(c -> {
            insert(c, 2, "undone");
            throw new TesseraException("test.refused", dev.tessera.platform.api.ErrorKind.INVALID, "no", null);
        }));
        assertEquals("test.refused", refused.code(), "a business refusal passes through unchanged");
        assertEquals(List.of("kept"), names());
        assertFalse(transactions.active());
    }

    @Test
    void nestedWorkJoinsTheOuterTransactionAndItsFailureUndoesOnlyItsOwnWrites() throws Exception {
        transactions.run(outer -> {
            insert(outer, 1, "outer");
            transactions.run(inner -> assertSame(outer, inner, "the nested work sees the same connection"));
            assertThrows(IllegalStateException.class, () -> transactions.run(inner -> {
                insert(inner, 2, "inner, failed");
                throw new IllegalStateException("the inner rule refused it");
            }));
            transactions.run(inner -> insert(inner, 3, "inner, kept"));
            assertEquals(List.of("outer", "inner, kept"), names(outer), "the failed part is gone, the rest is there");
        });
        assertEquals(List.of("outer", "inner, kept"), names());
    }

    @Test
    void nestedWorkCommitsOnlyWithTheOuterTransaction() {
        assertThrows(IllegalStateException.class, () -> transactions.run(outer -> {
            transactions.run(inner -> insert(inner, 1, "inner, returned"));
            throw new IllegalStateException("the outer operation fails after the inner one returned");
        }));
        assertEquals(List.of(), names(), "the inner work's writes went with the outer rollback");
    }

    @Test
    void afterCommitActionsRunOnceTheOutermostTransactionCommitsAndNeverAfterARollback() throws Exception {
        List<String> ran = new ArrayList<>();
        transactions.run(c -> {
            transactions.afterCommit(() -> ran.add("committed"));
            transactions.run(inner -> transactions.afterCommit(() -> ran.add("nested, committed")));
            assertThrows(IllegalStateException.class, () -> transactions.run(inner -> {
                transactions.afterCommit(() -> ran.add("nested, rolled back"));
                throw new IllegalStateException("refused");
            }));
            assertEquals(List.of(), ran, "nothing runs before the commit");
        });
        assertThrows(IllegalStateException.class, () -> transactions.run(c -> {
            transactions.afterCommit(() -> ran.add("rolled back"));
            throw new IllegalStateException("refused");
        }));
        assertEquals(List.of("committed", "nested, committed"), ran);
    }

    @Test
    void modulesCannotEndTheSharedTransaction() {
        for (String what : List.of("commit", "rollback", "close", "setAutoCommit")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> transactions.run(c -> {
                switch (what) {
                    case "commit" -> c.commit();
                    case "rollback" -> c.rollback();
                    case "close" -> c.close();
                    default -> c.setAutoCommit(true);
                }
            }));
            assertTrue(e.getMessage().contains("Connection." + what), e.getMessage());
        }
    }

    @Test
    void aLockConflictRunsTheWorkAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String result = transactions.required(c -> {
            if (attempts.incrementAndGet() == 1) {
                throw new SQLException("deadlock", "40001");
            }
            insert(c, 1, "second try");
            return "done";
        });
        assertEquals("done", result);
        assertEquals(2, attempts.get());
        assertEquals(List.of("second try"), names());
    }

    @Test
    void workThatFindsNoRowAndInsertsItWhileAnotherTransactionInsertedItFirstRunsAgainAndFindsIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String name = transactions.required(c -> {
            attempts.incrementAndGet();
            List<String> present = names(c);
            if (!present.isEmpty()) {
                return present.get(0);
            }
            if (attempts.get() == 1) {
                CompletableFuture.runAsync(() -> transactions.run(o -> insert(o, 1, "other"))).join();
            }
            insert(c, 1, "mine");
            return "mine";
        });
        assertEquals("other", name, "the second attempt finds the row the other transaction committed");
        assertEquals(2, attempts.get());
        assertEquals(List.of("other"), names());
    }

    @Test
    void aDuplicateKeyThatStaysIsRefusedAfterTheLastAttemptAndNotCalledAConflict() throws Exception {
        transactions.run(c -> insert(c, 1, "first"));
        AtomicInteger attempts = new AtomicInteger();
        TesseraException e = assertThrows(TesseraException.class, () -> transactions.run(c -> {
            attempts.incrementAndGet();
            insert(c, 1, "again");
        }));
        assertEquals("platform.persistence-failed", e.code());
        assertEquals(3, attempts.get());
        assertEquals(List.of("first"), names());
    }

    @Test
    void aConflictThatDoesNotGoAwayIsReportedAsOneToRetryLater() {
        TesseraException e = assertThrows(TesseraException.class, () -> transactions.run(c -> {
            throw new SQLException("lock timeout", "40XL1");
        }));
        assertEquals("platform.transaction-conflict", e.code());
    }

    @Test
    void aTransactionBegunByAFrameworkIsJoinedAndEndsWhereItSays() throws Exception {
        try (Transactions.Transaction tx = transactions.begin()) {
            transactions.run(c -> insert(c, 1, "joined"));
            assertThrows(IllegalStateException.class, transactions::begin, "one outermost transaction per thread");
            tx.commit();
        }
        try (Transactions.Transaction tx = transactions.begin()) {
            transactions.run(c -> insert(c, 2, "never committed"));
        }
        assertEquals(List.of("joined"), names());
        assertFalse(transactions.active());
    }

    @Test
    void aBegunTransactionThatNobodyEndedIsRolledBackBeforeTheThreadDoesOtherWork() throws Exception {
        transactions.begin();
        transactions.run(c -> insert(c, 1, "abandoned"));
        assertTrue(transactions.rollBackAbandoned());
        assertFalse(transactions.active());
        assertFalse(transactions.rollBackAbandoned(), "nothing is left to roll back");
        transactions.run(c -> insert(c, 2, "later work"));
        assertEquals(List.of("later work"), names());
    }

    private static void insert(Connection c, int id, String name) throws SQLException {
        try (var s = c.prepareStatement("INSERT INTO T (ID, NAME) VALUES (?, ?)")) {
            s.setInt(1, id);
            s.setString(2, name);
            s.executeUpdate();
        }
    }

    private List<String> names() {
        try (Connection c = dataSource.getConnection()) {
            return names(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT NAME FROM T ORDER BY ID")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }
}
