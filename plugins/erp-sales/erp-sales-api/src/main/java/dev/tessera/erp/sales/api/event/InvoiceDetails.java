package dev.tessera.erp.sales.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.tessera.erp.sales.api.InvoiceKind;

/**
 * An invoice or credit note, with what the ledger books and the pipeline shows of it, as {@code sales.invoice.*}
 * and {@code sales.credit-note.issued} tell it.
 *
 * @param status           {@code issued}, {@code partially-paid}, {@code paid}, {@code credited} or {@code overdue}
 * @param taxes            net and tax per tax code
 * @param creditedInvoiceId for a credit note, the invoice it takes back
 * @param creditedInvoice  for a credit note, that invoice's number
 * @param reason           for a credit note, why
 * @param daysLate         for {@code sales.invoice.overdue}, how many days past its due date it is
 * @param settlement       for a payment or credit note applied to the invoice, what it took
 */
public record InvoiceDetails(long id, String number, InvoiceKind kind, long accountId, String customer,
                             String orderNumber, Long opportunityId, String currency, LocalDate date, LocalDate dueDate,
                             BigDecimal net, BigDecimal tax, BigDecimal gross, BigDecimal paid, BigDecimal open,
                             String status, List<TaxShare> taxes, Long creditedInvoiceId, String creditedInvoice,
                             String reason, Long daysLate, Settlement settlement) {

    /** The net and tax of the invoice's lines with one tax code. */
    public record TaxShare(String taxCode, BigDecimal net, BigDecimal tax) {
    }

    /**
     * What was applied to the invoice: a payment ({@code payment} its id) or a credit note ({@code creditNote} its
     * number), the amount, on which day.
     */
    public record Settlement(Long payment, String creditNote, BigDecimal amount, LocalDate date) {
    }
}
