package dev.tessera.crm.pipeline.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.crm.pipeline.api.NewQuote;
import dev.tessera.crm.pipeline.api.NewQuoteLine;
import dev.tessera.crm.pipeline.api.Quote;
import dev.tessera.platform.support.console.LineSpec;

@Service
@Command(scope = "pipeline", name = "quote", description = "Quotes a deal (a new revision if it has a quote): lines in single quotes as '<qty> <sku or description> [@ <unit price>] [-<discount>%] [/<months> months]'; one word is a SKU, words with spaces a description")
public class QuoteCommand extends PipelineAction {
    @Completion(OpenOpportunityCompleter.class)
    @Argument(index = 0, name = "opportunity", required = true, description = "The opportunity's id")
    long opportunity;

    @Argument(index = 1, name = "lines", required = true, multiValued = true,
            description = "e.g. '400 MUG-1 -10%' '1 Logo print set-up @ 250' (single quotes keep the console from reading % and @)")
    List<String> lines;

    @Option(name = "--valid-until", description = "YYYY-MM-DD (the configured days from today by default)")
    String validUntil;

    @Option(name = "--currency", description = "ISO 4217 code, e.g. USD (the deal's currency by default)")
    String currency;

    @Option(name = "--tax-code", description = "The ledger tax code of every line (the configured one by default)")
    String taxCode;

    @Option(name = "--group", description = "The customer group whose price list applies")
    String group;

    @Option(name = "--preview", description = "Price and tax the lines without saving a quote")
    boolean preview;

    @Override
    protected Object run() throws CommandException {
        List<NewQuoteLine> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(parse(line, taxCode));
        }
        NewQuote quote = new NewQuote(date("--valid-until", validUntil), currency, group, parsed);
        Quote q = preview ? quotes.preview(opportunity, quote) : quotes.createQuote(opportunity, quote, user());
        if (preview) {
            System.out.println("Preview, nothing saved:");
        }
        printQuote(q);
        return null;
    }

    static NewQuoteLine parse(String line, String taxCode) throws CommandException {
        LineSpec l = LineSpec.parse(line);
        return new NewQuoteLine(l.sku(), l.description(), l.quantity(), l.unitPrice(), l.discountPercent(), taxCode,
                l.contractMonths());
    }
}
