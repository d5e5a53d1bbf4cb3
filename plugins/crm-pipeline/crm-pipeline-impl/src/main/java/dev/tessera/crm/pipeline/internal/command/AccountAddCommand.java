package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.pipeline.api.Account;
import dev.tessera.crm.pipeline.api.NewAccount;

@Service
@Command(scope = "pipeline", name = "account-add", description = "Creates an account")
public class AccountAddCommand extends PipelineAction {
    @Argument(index = 0, name = "name", required = true, description = "The company's name, in quotes if it has spaces")
    String name;

    @Option(name = "--domain", description = "The company's domain, e.g. example.com")
    String domain;

    @Option(name = "--industry", description = "The company's industry, e.g. retail")
    String industry;

    @Option(name = "--address", description = "The postal address, in quotes")
    String address;

    @Option(name = "--owner", description = "The user responsible for the account")
    String owner;

    @Override
    protected Object run() {
        Account a = accounts.createAccount(new NewAccount(name, domain, industry, address, owner, null), user());
        System.out.println("Account " + a.id() + ": " + a.name());
        return null;
    }
}
