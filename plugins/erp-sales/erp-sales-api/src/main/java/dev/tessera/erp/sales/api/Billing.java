package dev.tessera.erp.sales.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Invoices, credit notes and payments. Numbers are gap-free per series and year; an issued invoice never changes.
 * Tax comes from the ledger's {@code TaxService}, the engine that taxed the quote.
 */
@ProviderType
public interface Billing {

    /** Up to {@code limit} invoices and credit notes with ids above {@code afterId}; null filters match all. */
    List<Invoice> invoices(InvoiceStatus status, Long accountId, long afterId, int limit);

    Optional<Invoice> invoice(long id);

    Optional<Invoice> invoiceByNumber(String number);

    /** Invoices what the order has shipped (stocked lines) or ordered (other lines) and not invoiced yet. */
    Invoice invoiceOrder(long orderId, LocalDate issueDate, String actor);

    /** A credit note for (part of) an issued invoice, reducing what is open on it. */
    Invoice creditNote(long invoiceId, List<CreditLine> lines, String reason, String actor);

    Payment receivePayment(NewPayment payment, String actor);

    List<Payment> payments(long accountId);

    /** Open receivables by days past due as of {@code asOf}. */
    Aging aging(LocalDate asOf);

    /** Publishes {@code sales.invoice.overdue} once for each invoice that fell due before {@code today}; how many. */
    int markOverdue(LocalDate today);
}
