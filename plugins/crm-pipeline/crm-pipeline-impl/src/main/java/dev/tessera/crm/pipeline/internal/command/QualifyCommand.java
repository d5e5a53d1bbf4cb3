package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.crm.pipeline.api.Qualification;
import dev.tessera.crm.pipeline.api.Qualified;

@Service
@Command(scope = "pipeline", name = "qualify", description = "Turns a lead into an account, a contact and an opportunity, at once")
public class QualifyCommand extends PipelineAction {
    @Completion(OpenLeadCompleter.class)
    @Argument(index = 0, name = "lead", required = true, description = "The lead's id (see pipeline:leads)")
    long lead;

    @Option(name = "--account", description = "An existing account to add the contact and deal to")
    Long account;

    @Option(name = "--name", description = "The opportunity's name (the company's by default)")
    String name;

    @Option(name = "--amount", description = "The deal's expected value, e.g. 12000 (0 by default)")
    String amount;

    @Option(name = "--currency", description = "ISO 4217 code, e.g. USD (the pipeline's currency by default)")
    String currency;

    @Option(name = "--close", description = "Expected close date, YYYY-MM-DD (in 90 days by default)")
    String close;

    @Option(name = "--owner", description = "Owner of the deal and of a new account (the lead's owner by default)")
    String owner;

    @Override
    protected Object run() throws CommandException {
        Qualified q = leads.qualify(lead, new Qualification(account, name, number("--amount", amount), currency,
                date("--close", close), owner), user());
        System.out.println("Lead " + lead + " qualified: account " + q.account().id() + " (" + q.account().name()
                + "), contact " + q.contact().id() + ", opportunity " + q.opportunity().id() + " at stage "
                + q.opportunity().stage());
        return null;
    }
}
