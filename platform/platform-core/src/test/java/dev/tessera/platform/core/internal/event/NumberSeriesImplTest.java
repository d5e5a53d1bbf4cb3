package dev.tessera.platform.core.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.persistence.internal.TransactionsImpl;

class NumberSeriesImplTest {
    /** A rollback the test asks for. */
    private static final class RolledBack extends RuntimeException {
    }

    private DataSource dataSource;
    private Transactions transactions;
    private NumberSeriesImpl numbers;

    @BeforeEach
    void database() throws Exception {
        dataSource = TestDatabase.create();
        transactions = new TransactionsImpl(dataSource);
        numbers = new NumberSeriesImpl(null, transactions);
    }

    @Test
    void eightThreadsTakingFiveHundredNumbersEachGetFourThousandContiguousNumbers() throws Exception {
        List<Long> taken = takeConcurrently(8, 500, 0.0);
        assertEquals(4000, taken.size());
        for (int i = 0; i < taken.size(); i++) {
            assertEquals(i + 1, taken.get(i).longValue(), "number at position " + i);
        }
    }

    @Test
    void rolledBackNumbersAreGivenBackSoCommittedOnesStayContiguous() throws Exception {
        List<Long> committed = takeConcurrently(8, 250, 0.3);
        assertTrue(committed.size() > 1000 && committed.size() < 2000, "about 70% committed: " + committed.size());
        for (int i = 0; i < committed.size(); i++) {
            assertEquals(i + 1, committed.get(i).longValue(), "committed number at position " + i);
        }
    }

    @Test
    void seriesAreIndependentAndFormatted() throws Exception {
        transactions.run(c -> {
            assertEquals(1, numbers.next(c, "INV-2026"));
            assertEquals(2, numbers.next(c, "INV-2026"));
            assertEquals(1, numbers.next(c, "JE-2026"));
        });
        assertEquals("INV-2026-000042", NumberSeries.format("INV-2026", 42));
    }

    @Test
    void aSeriesCreatedInATransactionThatRollsBackIsCreatedAgainByTheNext() throws Exception {
        assertThrows(RolledBack.class, () -> transactions.run(c -> {
            assertEquals(1, numbers.next(c, "SO-2027"));
            throw new RolledBack();
        }));
        assertEquals(1L, (long) transactions.required(c -> numbers.next(c, "SO-2027")));
    }

    @Test
    void aBadSeriesNameIsRefusedWithAnExample() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            TesseraException e = assertThrows(TesseraException.class, () -> numbers.next(c, "INV 2026; DROP TABLE"));
            assertEquals("platform.invalid-argument", e.code());
            assertTrue(e.getMessage().contains("INV-2026"));
        }
    }

    private List<Long> takeConcurrently(int threads, int perThread, double rollbackShare) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        boolean rollBack = random.nextDouble() < rollbackShare;
                        try {
                            mine.add(transactions.required(c -> {
                                long n = numbers.next(c, "INV-2026");
                                if (rollBack) {
                                    throw new RolledBack();
                                }
                                return n;
                            }));
                        } catch (RolledBack expected) {
                            // its number is given back
                        }
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            Collections.sort(all);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
