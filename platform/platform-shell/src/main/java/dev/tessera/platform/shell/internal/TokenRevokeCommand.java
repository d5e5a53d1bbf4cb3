package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.platform.api.ApiToken;
import dev.tessera.platform.api.ApiTokens;

@Service
@Command(scope = "tessera", name = "token-revoke", description = "Revokes an API token at once")
public class TokenRevokeCommand extends TesseraAction {

    @Reference(optional = true)
    ApiTokens tokens;

    @Argument(index = 0, name = "id", required = true, description = "the token id (see tessera:tokens)")
    String id;

    @Override
    protected Object run() throws CommandException {
        ApiToken token = available(this.tokens, "API tokens").revoke(id);
        System.out.println("Token " + token.id() + " of " + token.user() + " is revoked");
        return null;
    }
}
