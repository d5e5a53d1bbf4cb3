package dev.tessera.crm.marketing.internal.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.LeadScore;
import dev.tessera.crm.marketing.api.MarketingErrors;
import dev.tessera.crm.marketing.api.ScorePart;
import dev.tessera.platform.api.TesseraException;

@Service
@Command(scope = "marketing", name = "score", description = "Shows a lead's score and what makes it up, now or at a date")
public class ScoreCommand extends MarketingAction {
    @Argument(index = 0, name = "lead", required = true, description = "The lead's id")
    long lead;

    @Option(name = "--as-of", description = "The day (YYYY-MM-DD, its start in UTC) or instant to score at (now by default)")
    String asOf;

    @Override
    protected Object run() throws Exception {
        Instant at;
        try {
            at = asOf == null ? null : asOf.trim().length() == 10
                    ? LocalDate.parse(asOf.trim()).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw new CommandException("--as-of must be a day (2026-11-01) or an instant, not '" + shown(asOf) + "'"
                    + " [platform.invalid-argument]");
        }
        LeadScore s = scores.score(lead, at).orElseThrow(() -> new TesseraException(MarketingErrors.LEAD_NOT_FOUND,
                "Marketing knows no lead " + lead + " (pipeline:leads lists them)"));
        System.out.println("Lead " + s.leadId() + " (" + s.email() + ") at " + s.asOf() + ": " + plain(s.points())
                + " points (fit " + plain(s.fitPoints()) + ", behaviour " + plain(s.behaviourPoints()) + "), threshold "
                + plain(s.threshold()) + ": " + (s.qualified() ? "marketing-qualified" : "not qualified")
                + "; half-life " + plain(s.halfLifeDays()) + " days");
        for (ScorePart p : s.parts()) {
            System.out.println("  " + String.format("%8s", plain(p.points())) + "  " + p.rule()
                    + (p.touchId() == null ? "" : " (" + plain(p.basePoints()) + " points, " + p.campaign() + ", "
                    + plain(p.ageDays()) + " days old)"));
        }
        return null;
    }
}
