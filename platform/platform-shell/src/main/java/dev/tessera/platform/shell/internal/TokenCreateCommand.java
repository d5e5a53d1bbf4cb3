package dev.tessera.platform.shell.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.platform.api.ApiTokens;
import dev.tessera.platform.api.IssuedToken;

@Service
@Command(scope = "tessera", name = "token-create", description = "Creates an API token acting for a user, with the user's roles; the secret is shown once")
public class TokenCreateCommand extends TesseraAction {
    private static final Pattern VALIDITY = Pattern.compile("(\\d{1,5})([dh])");

    @Reference(optional = true)
    ApiTokens tokens;

    @Argument(index = 0, name = "user", required = true, description = "the user the token acts for")
    String user;

    @Option(name = "--expires", description = "validity such as 30d or 12h, or never; when left out the default of"
            + " etc/dev.tessera.platform.tokens.cfg (90 days)")
    String expires;

    @Override
    protected Object run() throws CommandException {
        var tokens = available(this.tokens, "API tokens");
        Duration validity = null;
        if (expires != null && expires.trim().equalsIgnoreCase("never")) {
            validity = ApiTokens.NO_EXPIRY;
        } else if (expires != null) {
            Matcher m = VALIDITY.matcher(expires.trim());
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
                throw new CommandException("--expires '" + expires + "' is not a validity: write a positive number of"
                        + " days or hours, e.g. 30d or 12h, or never");
            }
            int n = Integer.parseInt(m.group(1));
            validity = m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
        }
        IssuedToken issued = tokens.create(user, validity);
        System.out.println("Token " + issued.token().id() + " for " + issued.token().user() + " with roles "
                + String.join(", ", issued.token().roles()) + (issued.token().expiresAt() == null ? ", never expires"
                : ", expires " + Formats.time(issued.token().expiresAt())));
        System.out.println("Secret (shown only now): " + issued.secret());
        System.out.println("Use it as: Authorization: Bearer " + issued.secret());
        return null;
    }
}
