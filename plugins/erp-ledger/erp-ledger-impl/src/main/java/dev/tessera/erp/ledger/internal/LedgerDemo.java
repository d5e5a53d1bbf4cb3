package dev.tessera.erp.ledger.internal;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.ledger.api.PostingLine;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.platform.api.DemoData;

/**
 * The demo company's books for this year: the owner's investment, equipment on credit, sales, rent and salaries.
 * Each entry has the source {@code demo} and its own reference, so loading again posts nothing twice.
 */
@Component(service = DemoData.class)
public final class LedgerDemo implements DemoData {
    private final LedgerService ledger;

    @Activate
    public LedgerDemo(@Reference LedgerService ledger) {
        this.ledger = ledger;
    }

    @Override
    public String moduleId() {
        return LedgerServiceImpl.MODULE;
    }

    @Override
    public String load() {
        LocalDate start = LocalDate.now().withDayOfYear(1);
        post(start, "ledger-1", "Owner invests in the company", "1100", "3100", "50000.00");
        post(start.plusDays(3), "ledger-2", "Office equipment on credit", "1500", "2100", "12000.00");
        post(start.plusDays(8), "ledger-3", "Cash sales, first week", "1100", "4100", "8000.00");
        post(start.plusDays(14), "ledger-4", "Consulting invoice to a customer", "1200", "4200", "5000.00");
        post(start.plusDays(19), "ledger-5", "Office rent", "5300", "1100", "2000.00");
        post(start.plusDays(24), "ledger-6", "Salaries", "5200", "1100", "3500.00");
        return "6 posted entries of " + start.getYear() + " (source demo), trial balance: ledger:trial-balance";
    }

    /** Posts a demo entry unless it was posted before (on another day its date could differ). */
    private void post(LocalDate date, String reference, String description, String debit, String credit, String amount) {
        if (ledger.entryBySource("demo", reference).isPresent()) {
            return;
        }
        ledger.post(new PostingRequest(date.isAfter(LocalDate.now()) ? LocalDate.now() : date, description, "demo",
                reference, List.of(PostingLine.debit(debit, amount), PostingLine.credit(credit, amount))), "system:demo");
    }
}
