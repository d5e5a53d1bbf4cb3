package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.ledger.api.ChainVerification;

@Service
@Command(scope = "ledger", name = "verify", description = "Recomputes the hash chain of posted entries: were any altered?")
public class VerifyCommand extends LedgerAction {
    @Override
    protected Object run() throws CommandException {
        ChainVerification result = ledger.verify();
        if (!result.intact()) {
            throw new CommandException("The books were altered: " + result.detail() + " (" + result.entriesChecked()
                    + " entries before it are intact) [ledger.chain-broken]");
        }
        System.out.println("Intact: " + result.detail());
        return null;
    }
}
