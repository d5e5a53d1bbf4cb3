package dev.tessera.erp.purchasing.internal;

import static dev.tessera.erp.purchasing.api.PurchaseOrderStatus.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.platform.api.TesseraException;

class TransitionsTest {
    private static PurchaseOrderLine line(int n, String quantity, String received) {
        return new PurchaseOrderLine(n, "MUG-1", "Mug", new BigDecimal(quantity), BigDecimal.ONE, null,
                BigDecimal.TEN, null, BigDecimal.ZERO, BigDecimal.TEN, LocalDate.of(2026, 3, 8), "MAIN",
                new BigDecimal(received), BigDecimal.ZERO);
    }

    private static PurchaseOrder order(PurchaseOrderStatus status, List<PurchaseOrderLine> lines) {
        return new PurchaseOrder(1, "PO-2026-000001", 0, 1, "ACME", "Acme", status, "EUR", LocalDate.of(2026, 3, 1),
                "MAIN", lines, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN, false, null, null, "ann", null, null,
                null, null, 1);
    }

    @Test
    void theWayOfAnOrder() {
        assertEquals(EnumSet.of(APPROVED, CANCELLED), Transitions.next(DRAFT));
        assertTrue(Transitions.next(APPROVED).containsAll(EnumSet.of(SENT, DRAFT, PARTIALLY_RECEIVED, CANCELLED)));
        assertTrue(Transitions.next(SENT).containsAll(EnumSet.of(DRAFT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED)));
        // an order short-shipped for good is closed with what arrived
        assertEquals(EnumSet.of(RECEIVED, CLOSED), Transitions.next(PARTIALLY_RECEIVED));
        assertEquals(EnumSet.of(BILLED, CLOSED), Transitions.next(RECEIVED));
        assertEquals(EnumSet.of(CLOSED), Transitions.next(BILLED));
        assertTrue(Transitions.next(CLOSED).isEmpty());
        assertTrue(Transitions.next(CANCELLED).isEmpty());
        for (PurchaseOrderStatus s : PurchaseOrderStatus.values()) {
            assertEquals(Transitions.CLOSABLE.contains(s), Transitions.next(s).contains(CLOSED), s.name());
            assertEquals(Transitions.RECEIVABLE.contains(s), Transitions.next(s).contains(RECEIVED)
                    || s == PARTIALLY_RECEIVED, s.name());
        }
    }

    @Test
    void operationsAreRefusedInOtherStatuses() {
        TesseraException e = assertThrows(TesseraException.class,
                () -> Transitions.require(order(RECEIVED, List.of()), Transitions.CANCELLABLE, "cancelled"));
        assertEquals("purchasing.order-state", e.code());
        assertTrue(e.getMessage().contains("is received; it cannot be cancelled"), e.getMessage());
        assertDoesNotThrow(() -> Transitions.require(order(SENT, List.of()), Transitions.CHANGEABLE, "changed"));
    }

    @Test
    void nothingChangesOnceSomethingWasReceived() {
        assertDoesNotThrow(() -> Transitions.requireNothingReceived(order(SENT, List.of(line(1, "10", "0"))), "x"));
        assertEquals("purchasing.order-state", assertThrows(TesseraException.class, () -> Transitions
                .requireNothingReceived(order(SENT, List.of(line(1, "10", "0"), line(2, "5", "0.5"))), "x")).code());
    }

    @Test
    void aReceiptMakesTheOrderPartlyOrFullyReceived() {
        assertEquals(PARTIALLY_RECEIVED, Transitions.afterReceipt(List.of(line(1, "10", "4"), line(2, "5", "0"))));
        assertEquals(RECEIVED, Transitions.afterReceipt(List.of(line(1, "10", "10"), line(2, "5", "5.5"))));
        assertNull(Transitions.afterReceipt(List.of(line(1, "10", "0"))));
    }
}
