package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.api.ApiToken;
import dev.tessera.platform.api.ApiTokens;

@Service
@Command(scope = "tessera", name = "tokens", description = "Lists the API tokens (never their secrets)")
public class TokensCommand extends TesseraAction {

    @Reference(optional = true)
    ApiTokens tokens;

    @Override
    protected Object run() throws CommandException {
        var tokens = available(this.tokens, "API tokens");
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("USER");
        table.column("ROLES");
        table.column("CREATED");
        table.column("EXPIRES");
        table.column("LAST USED");
        table.column("STATE");
        for (ApiToken t : tokens.list()) {
            String state = t.revokedAt() != null ? "revoked" : t.usable(java.time.Instant.now()) ? "active" : "expired";
            table.addRow().addContent(t.id(), t.user(), String.join(",", t.roles()), Formats.time(t.createdAt()),
                    t.expiresAt() == null ? "never" : Formats.time(t.expiresAt()), Formats.time(t.lastUsedAt()), state);
        }
        table.print(System.out);
        return null;
    }
}
