package dev.tessera.erp.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An issued invoice ({@code INV-2026-000001}) or credit note ({@code CN-2026-000001}); never changed once issued, only
 * paid or credited. {@code paid} counts payments and credit notes; {@code open} = gross − paid; {@code overdue} when
 * open after the due date.
 */
public record Invoice(long id, String number, InvoiceKind kind, Long orderId, String orderNumber, long accountId,
                      String customerName, String currency, LocalDate issueDate, LocalDate dueDate,
                      List<InvoiceLine> lines, BigDecimal net, BigDecimal tax, BigDecimal gross, BigDecimal paid,
                      BigDecimal open, InvoiceStatus status, boolean overdue, Long creditedInvoiceId, String reason) {
    public Invoice {
        lines = List.copyOf(lines);
    }
}
