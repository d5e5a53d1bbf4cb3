package dev.tessera.crm.pipeline.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.crm.pipeline.api.Account;
import dev.tessera.crm.pipeline.api.Accounts;
import dev.tessera.crm.pipeline.api.ActivityType;
import dev.tessera.crm.pipeline.api.Deals;
import dev.tessera.crm.pipeline.api.Leads;
import dev.tessera.crm.pipeline.api.NewAccount;
import dev.tessera.crm.pipeline.api.NewActivity;
import dev.tessera.crm.pipeline.api.NewContact;
import dev.tessera.crm.pipeline.api.NewLead;
import dev.tessera.crm.pipeline.api.NewOpportunity;
import dev.tessera.crm.pipeline.api.NewQuote;
import dev.tessera.crm.pipeline.api.NewQuoteLine;
import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.Quote;
import dev.tessera.crm.pipeline.api.Quotes;
import dev.tessera.platform.api.DemoData;

/**
 * The demo company's pipeline: three accounts with contacts, open leads (two of them the same person, for
 * pipeline:duplicates), deals in every open stage with activities and a task due, and a deal won by an accepted
 * quote (sales makes its order). Loading again adds nothing twice: an account of that name means the demo is there.
 */
@Component(service = DemoData.class)
public final class PipelineDemo implements DemoData {
    private static final String ACTOR = "system:demo";
    private static final String MARKER = "Northwind Traders";

    private final Accounts accounts;
    private final Leads leads;
    private final Deals deals;
    private final Quotes quotes;

    @Activate
    public PipelineDemo(@Reference Accounts accounts, @Reference Leads leads, @Reference Deals deals,
                        @Reference Quotes quotes) {
        this.accounts = accounts;
        this.leads = leads;
        this.deals = deals;
        this.quotes = quotes;
    }

    @Override
    public String moduleId() {
        return "crm-pipeline";
    }

    @Override
    public String load() {
        if (accounts.accounts(0, 1000).stream().anyMatch(a -> a.name().equals(MARKER))) {
            return summary();
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Account northwind = account(MARKER, "northwind.example", "Retail", "Hafenstraße 12, 20457 Hamburg", "Anna Berg",
                "Mia Keller", "mia.keller@northwind.example", "Head of purchasing");
        Account contoso = account("Contoso Cafés", "contoso.example", "Hospitality", "Rue du Marché 4, 1204 Genève",
                "Jonas Weber", "Luca Rossi", "luca.rossi@contoso.example", "Owner");
        Account fabrikam = account("Fabrikam Offices", "fabrikam.example", "Services", "Königsallee 8, 40212 Düsseldorf",
                "Anna Berg", "Sara Novak", "sara.novak@fabrikam.example", "Office manager");

        Opportunity mugs = deal(northwind, "Branded mugs for 40 stores", "proposal", "1200.00", today.plusDays(20), "Anna Berg", "web");
        deal(northwind, "Seasonal T-shirts", "qualified", "2500.00", today.plusDays(75), "Anna Berg", "referral");
        Opportunity beans = deal(contoso, "Coffee beans, yearly supply", "negotiation", "14400.00", today.plusDays(10), "Jonas Weber", "trade-show");
        deal(contoso, "Barista training", "demo", "1800.00", today.plusDays(45), "Jonas Weber", "web");
        deal(fabrikam, "Office coffee service", "demo", "6000.00", today.plusDays(35), "Anna Berg", "web");

        deals.logActivity(new NewActivity(ActivityType.CALL, "Discovery call with purchasing", "40 stores, logo on"
                + " both sides", northwind.id(), null, null, mugs.id(), "Anna Berg", null), ACTOR);
        deals.logActivity(new NewActivity(ActivityType.TASK, "Send the revised proposal", null, contoso.id(), null,
                null, beans.id(), "Jonas Weber", today.minusDays(2)), ACTOR);
        deals.logActivity(new NewActivity(ActivityType.MEETING, "Tasting at the Genève shop", null, contoso.id(), null,
                null, beans.id(), "Jonas Weber", null), ACTOR);

        List<NewQuoteLine> lines = new ArrayList<>();
        lines.add(new NewQuoteLine("MUG-1", "Coffee mug with the Northwind logo", new BigDecimal("100"), null,
                new BigDecimal("10"), null));
        lines.add(new NewQuoteLine(null, "Logo print set-up", BigDecimal.ONE, new BigDecimal("250.00"), null, null));
        Quote quote;
        try {
            quote = quotes.createQuote(mugs.id(), new NewQuote(today.plusDays(30), null, null, lines), ACTOR);
        } catch (RuntimeException withoutTheCatalog) {
            // the inventory is not enabled (or has no demo items yet): the same quote at a typed price
            lines.set(0, new NewQuoteLine("MUG-1", "Coffee mug with the Northwind logo", new BigDecimal("100"),
                    new BigDecimal("9.90"), new BigDecimal("10"), null));
            quote = quotes.createQuote(mugs.id(), new NewQuote(today.plusDays(30), null, null, lines), ACTOR);
        }
        // Northwind said yes: the deal is won, and sales (when enabled) makes the order from the quote
        quotes.accept(quote.id(), today, ACTOR);

        lead("Tom Fischer", "tom.fischer@litware.example", "Litware", "web");
        lead("Tom Fisher", "t.fisher@litware.example", "Litware Inc.", "trade-show");
        lead("Eva Lang", "eva@adventure-works.example", "Adventure Works", "referral");
        lead("Noah Schmid", "noah.schmid@gmail.com", null, "web");
        return summary();
    }

    private Account account(String name, String domain, String industry, String address, String owner,
                            String contact, String email, String title) {
        Account account = accounts.createAccount(new NewAccount(name, domain, industry, address, owner, null), ACTOR);
        accounts.createContact(new NewContact(account.id(), contact, email, null, title), ACTOR);
        return account;
    }

    private Opportunity deal(Account account, String name, String stage, String amount, LocalDate close, String owner,
                             String source) {
        Opportunity deal = deals.createOpportunity(new NewOpportunity(account.id(), name, null,
                new BigDecimal(amount), null, close, owner, source), ACTOR);
        return stage.equals(deal.stage()) ? deal : deals.moveStage(deal.id(), stage, ACTOR);
    }

    private void lead(String name, String email, String company, String source) {
        leads.createLead(new NewLead(name, email, company, null, null, source, "Anna Berg", null), true, ACTOR);
    }

    private String summary() {
        return "3 accounts, 4 open deals with activities and one won by an accepted quote (pipeline:opportunities,"
                + " pipeline:forecast), 4 leads of which 2 look alike (pipeline:duplicates)";
    }

    @Override
    public java.util.Set<String> after() {
        return java.util.Set.of("erp-inventory", "erp-ledger");
    }
}
