package dev.tessera.erp.purchasing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.event.OrderDetails;
import dev.tessera.erp.purchasing.api.event.PurchasingEvents;
import dev.tessera.erp.purchasing.api.event.ReceiptDetails;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.DomainEvent;

class PurchasingEventsTest {
    @Test
    void everyEventIsAboutARecordTypePurchasingOwns() {
        PurchasingEvents.ALL.forEach(t -> assertTrue(PurchasingEvents.OWNS.contains(t.recordType()), t.name()));
        assertTrue(PurchasingEvents.OWNS.containsAll(List.of(RecordType.of("vendor"), RecordType.of("purchase-order"),
                RecordType.of("vendor-bill"), RecordType.of("vendor-payment"))));
        assertEquals("purchasing.purchase-order.received", PurchasingEvents.ORDER_RECEIVED.name());
    }

    @Test
    void aReceiptsPayloadReadsBackWithItsLines() {
        OrderDetails.Line line = new OrderDetails.Line(1, "MUG-1", "Coffee mug", new BigDecimal("200"),
                new BigDecimal("120"), new BigDecimal("2.1"), new BigDecimal("420.00"), LocalDate.of(2026, 3, 15),
                "DEMO");
        ReceiptDetails details = new ReceiptDetails(7, "PO-2026-000007", 2, "POTTERY", "Stoneware", "EUR",
                LocalDate.of(2026, 3, 10), 3, List.of(new ReceiptDetails.Received(1, "MUG-1", "Coffee mug",
                new BigDecimal("120"), new BigDecimal("2.1"), new BigDecimal("252.00"), "DEMO", 41L)),
                new BigDecimal("252.00"), PurchaseOrderStatus.PARTIALLY_RECEIVED, List.of(line));
        DomainEvent event = PurchasingEvents.ORDER_RECEIVED.event("7", 4, "ann", details, java.util.Map.of());
        assertEquals(details, PurchasingEvents.ORDER_RECEIVED.payload(event));
    }
}
