package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.crm.pipeline.api.DuplicateCandidate;
import dev.tessera.crm.pipeline.api.DuplicateLeadException;
import dev.tessera.crm.pipeline.api.Lead;
import dev.tessera.crm.pipeline.api.NewLead;

@Service
@Command(scope = "pipeline", name = "lead-add", description = "Captures a lead; one that looks like an existing lead is refused unless --force")
public class LeadAddCommand extends PipelineAction {
    @Argument(index = 0, name = "name", required = true, description = "The person's name, in quotes if it has spaces")
    String name;

    @Option(name = "--email", description = "E-mail address, e.g. jane@example.com")
    String email;

    @Option(name = "--company", description = "The company the person works for")
    String company;

    @Option(name = "--website", description = "The company's web address, e.g. example.com")
    String website;

    @Option(name = "--phone", description = "Phone number, e.g. +49 30 1234567")
    String phone;

    @Option(name = "--source", description = "Where the lead came from, e.g. web, referral, trade-show")
    String source;

    @Option(name = "--owner", description = "The user who follows the lead up")
    String owner;

    @Option(name = "--notes", description = "Free text about the lead")
    String notes;

    @Option(name = "--force", description = "Create it even though it matches existing leads")
    boolean force;

    @Override
    protected Object run() throws CommandException {
        try {
            Lead lead = leads.createLead(new NewLead(name, email, company, website, phone, source, owner, notes), force,
                    user());
            System.out.println("Lead " + lead.id() + ": " + lead.name() + (lead.email() == null ? "" : " <" + lead.email()
                    + ">") + (lead.company() == null ? "" : ", " + lead.company()));
            return null;
        } catch (DuplicateLeadException e) {
            for (DuplicateCandidate c : e.candidates()) {
                System.out.println("  lead " + c.leadId() + ": " + c.name() + (c.email() == null ? "" : " <" + c.email()
                        + ">") + (c.company() == null ? "" : ", " + c.company()) + " (same " + String.join(", ",
                        c.matches().stream().map(m -> m.name().toLowerCase()).sorted().toList()) + ")");
            }
            throw new CommandException(e.getMessage() + " (--force) [" + e.code() + "]");
        }
    }
}
