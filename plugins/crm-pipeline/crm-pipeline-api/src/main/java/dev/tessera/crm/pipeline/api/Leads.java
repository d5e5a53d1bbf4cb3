package dev.tessera.crm.pipeline.api;

import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.osgi.annotation.versioning.ProviderType;

/** Leads: capture with duplicate matching, import, merge and qualification. */
@ProviderType
public interface Leads {

    /** Up to {@code limit} leads with ids above {@code afterId}, by id; {@code status} null for all. */
    List<Lead> leads(LeadStatus status, long afterId, int limit);

    Optional<Lead> lead(long id);

    /**
     * Marketing's view of the lead, copied from its events (empty when marketing never scored or touched it): read-only
     * here.
     * @since 1.1
     */
    Optional<LeadMarketing> marketing(long leadId);

    /**
     * Captures a lead. Unless {@code force}, a lead matching open ones by e-mail, company domain or near-identical
     * name is refused with {@link DuplicateLeadException} naming them.
     */
    Lead createLead(NewLead lead, boolean force, String actor);

    /** The open leads the given one would match, without writing anything. */
    List<DuplicateCandidate> matches(NewLead lead);

    /**
     * Imports leads all or none; rows matching each other or open leads are imported (an import is a decision to
     * keep them) and show up in {@link #duplicates()}. {@code progress} hears how many are written.
     */
    int importLeads(List<NewLead> leads, IntConsumer progress, String actor);

    /** Pairs of open leads suspected to be the same person. */
    List<DuplicatePair> duplicates();

    /**
     * Merges {@code duplicate} into {@code keep}: the kept lead gains the fields it lacks, the duplicate's
     * activities move to it, and the duplicate stays as MERGED, pointing at the kept one.
     */
    Lead merge(long keep, long duplicate, String actor);

    /** Turns an open lead into an account (or uses the given one), a contact and an opportunity, all at once. */
    Qualified qualify(long leadId, Qualification qualification, String actor);

    Lead disqualify(long leadId, String reason, String actor);
}
