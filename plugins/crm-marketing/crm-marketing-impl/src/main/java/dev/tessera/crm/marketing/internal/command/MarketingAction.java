package dev.tessera.crm.marketing.internal.command;

import java.math.BigDecimal;
import java.util.Locale;

import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

import dev.tessera.crm.marketing.api.Attribution;
import dev.tessera.crm.marketing.api.Campaigns;
import dev.tessera.crm.marketing.api.Consent;
import dev.tessera.crm.marketing.api.Scores;
import dev.tessera.crm.marketing.api.Touches;
import dev.tessera.platform.support.console.ConsoleAction;

/** What the marketing:* commands share. */
abstract class MarketingAction extends ConsoleAction {
    @Reference
    Campaigns campaigns;

    @Reference
    Touches touches;

    @Reference
    Scores scores;

    @Reference
    Attribution attribution;

    @Reference
    Consent consent;

    static String plain(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    static <E extends Enum<E>> E choice(Class<E> type, String name, String value) throws CommandException {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new CommandException(name + " must be one of " + names + ", not '" + shown(value) + "'"
                    + " [platform.invalid-argument]");
        }
    }
}
