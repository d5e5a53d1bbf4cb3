package dev.tessera.crm.pipeline.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tessera.crm.pipeline.api.DuplicateCandidate;
import dev.tessera.crm.pipeline.api.Lead;
import dev.tessera.crm.pipeline.api.LeadStatus;
import dev.tessera.crm.pipeline.api.MatchKind;
import dev.tessera.crm.pipeline.api.NewLead;
import dev.tessera.crm.pipeline.api.PipelineErrors;
import dev.tessera.crm.pipeline.api.event.LeadDetails;
import dev.tessera.crm.pipeline.api.event.PipelineEvents;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.EventType;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Sql;

/**
 * Leads on PIP_LEAD: captured, checked and normalised with their matching keys, matched as people, merged and
 * closed (qualified, disqualified, merged), each write with its event in the caller's transaction.
 */
final class LeadStore {
    static final String LEAD = "ID, NAME, EMAIL, COMPANY, DOMAIN, PHONE, SOURCE, OWNER, NOTES, STATUS, MERGED_INTO,"
            + " OPPORTUNITY_ID, CREATED_AT,"
            + " (SELECT MIN(A.ID) FROM PIP_ACCOUNT A WHERE A.DOMAIN = PIP_LEAD.DOMAIN) AS LIKELY_ACCOUNT_ID";

    private final EventPublisher events;

    LeadStore(EventPublisher events) {
        this.events = events;
    }

    Optional<Lead> lead(Connection db, long id) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + LEAD + " FROM PIP_LEAD WHERE ID = ?", id))
                .map(LeadStore::lead);
    }

    Lead requireLead(Connection db, long id) {
        return lead(db, id).orElseThrow(() -> new TesseraException(PipelineErrors.LEAD_NOT_FOUND, "No lead " + id));
    }

    List<Lead> leads(Connection db, LeadStatus status, long afterId, int limit) {
        Sql.Where where = new Sql.Where("ID > ?", afterId).and("STATUS", status);
        return Sql.rows(db, limit, "SELECT " + LEAD + " FROM PIP_LEAD WHERE " + where.sql() + " ORDER BY ID",
                where.args()).stream().map(LeadStore::lead).toList();
    }

    /** A lead's fields checked and normalised, with its matching keys; errors collected under {@code at}. */
    record CheckedLead(String name, String email, String company, String domain, String phone, String source,
                       String owner, String notes, String emailKey, String nameKey) {
    }

    static CheckedLead checkLead(NewLead lead, String at, List<FieldError> errors) {
        if (lead == null) {
            errors.add(new FieldError(at.isEmpty() ? "(body)" : at.substring(0, at.length() - 1), "is required"));
            return null;
        }
        int before = errors.size();
        String name = Changes.text(lead.name(), at + "name", 200, true, errors);
        String email = PipelineStore.email(lead.email(), at + "email", errors);
        String company = Changes.text(lead.company(), at + "company", 200, false, errors);
        String website = Changes.text(lead.website(), at + "website", 200, false, errors);
        if (website != null && Matching.host(website) == null) {
            errors.add(new FieldError(at + "website", "'" + website + "' is not a web address such as example.com"));
        }
        String phone = Changes.text(lead.phone(), at + "phone", 50, false, errors);
        if (email == null && phone == null && company == null && errors.size() == before) {
            errors.add(new FieldError(at + "email", "is required unless a phone or company is given: a lead needs a"
                    + " way to reach them"));
        }
        String source = Changes.text(lead.source(), at + "source", 50, false, errors);
        String owner = Changes.text(lead.owner(), at + "owner", 100, false, errors);
        String notes = Changes.text(lead.notes(), at + "notes", 2000, false, errors);
        if (errors.size() > before) {
            return null;
        }
        return new CheckedLead(name, email, company, Matching.domain(website, email), phone,
                source == null ? null : source.toLowerCase(java.util.Locale.ROOT), owner, notes,
                Matching.emailKey(email), Matching.nameKey(name));
    }

    /**
     * Open or qualified leads that are the same person as this one: the same e-mail, or a near-identical name at the
     * same company (its domain or its name) or with no company on either side. Two people of one company are two
     * leads: the company's domain alone is no match.
     */
    List<DuplicateCandidate> matches(Connection db, CheckedLead lead, long except) {
        String head = head(lead.nameKey());
        String tail = tail(lead.nameKey());
        StringBuilder where = new StringBuilder("NAME_HEAD = ? OR NAME_TAIL = ?");
        List<Object> args = new ArrayList<>(List.of(except, head, tail));
        if (lead.emailKey() != null) {
            where.append(" OR EMAIL_KEY = ?");
            args.add(lead.emailKey());
        }
        List<Object[]> rows = Sql.rows(db, "SELECT ID, NAME, EMAIL, COMPANY, EMAIL_KEY, DOMAIN, NAME_KEY FROM PIP_LEAD"
                + " WHERE STATUS IN ('OPEN', 'QUALIFIED') AND ID <> ? AND (" + where + ") ORDER BY ID", args.toArray());
        List<DuplicateCandidate> found = new ArrayList<>();
        for (Object[] r : rows) {
            Set<MatchKind> kinds = kinds(new Keys(lead.emailKey(), lead.domain(), lead.nameKey(),
                    Matching.companyKey(lead.company())), new Keys((String) r[4], (String) r[5], (String) r[6],
                    Matching.companyKey((String) r[3])));
            if (!kinds.isEmpty()) {
                found.add(new DuplicateCandidate(Sql.longValue(r[0]), (String) r[1], (String) r[2], (String) r[3], kinds));
            }
        }
        return found;
    }

    /** What two leads are compared by: e-mail, company domain, folded name and folded company name. */
    record Keys(String email, String domain, String name, String company) {
    }

    /**
     * Why two leads look like one person, empty when they do not: EMAIL for the same address; NAME for near-identical
     * names at the same company (DOMAIN too when it is the same domain) or where neither names a company.
     */
    static Set<MatchKind> kinds(Keys a, Keys b) {
        Set<MatchKind> kinds = new LinkedHashSet<>();
        if (a.email() != null && a.email().equals(b.email())) {
            kinds.add(MatchKind.EMAIL);
        }
        if (b.name() != null && Matching.similarNames(a.name(), b.name())) {
            boolean sameDomain = a.domain() != null && a.domain().equals(b.domain());
            boolean sameCompany = a.company() != null && a.company().equals(b.company());
            boolean noCompany = a.domain() == null && a.company() == null && b.domain() == null && b.company() == null;
            if (sameDomain || sameCompany || noCompany) {
                kinds.add(MatchKind.NAME);
                if (sameDomain) {
                    kinds.add(MatchKind.DOMAIN);
                }
            }
        }
        return kinds;
    }

    Lead insertLead(Connection db, CheckedLead lead, String actor) {
        long id = Sql.nextId(db, "PIP_SEQUENCE", "lead");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("NAME", lead.name());
        row.put("EMAIL", lead.email());
        row.put("COMPANY", lead.company());
        row.put("DOMAIN", lead.domain());
        row.put("PHONE", lead.phone());
        row.put("SOURCE", lead.source());
        row.put("OWNER", lead.owner());
        row.put("NOTES", lead.notes());
        row.put("STATUS", LeadStatus.OPEN);
        row.put("CREATED_AT", Instant.now());
        row.put("EMAIL_KEY", lead.emailKey());
        row.put("NAME_KEY", lead.nameKey());
        row.put("NAME_HEAD", head(lead.nameKey()));
        row.put("NAME_TAIL", tail(lead.nameKey()));
        Sql.insert(db, "PIP_LEAD", row);
        Lead created = requireLead(db, id);
        events.publish(db, PipelineEvents.LEAD_CREATED.created(Long.toString(id), actor, details(created, null, null, null)));
        return created;
    }

    /**
     * Sets a lead's status (and where it went), publishing the event of that: qualified with the account and contact
     * it became, disqualified with the reason.
     */
    Lead closeLead(Connection db, Lead lead, LeadStatus status, Long mergedInto, Long opportunityId,
                   EventType<LeadDetails> type, String actor, Long accountId, Long contactId, String reason) {
        int changed = Sql.execute(db, "UPDATE PIP_LEAD SET STATUS = ?" + (mergedInto == null ? "" : ", MERGED_INTO = "
                + mergedInto) + (opportunityId == null ? "" : ", OPPORTUNITY_ID = " + opportunityId)
                + " WHERE ID = ? AND STATUS = ?", status, lead.id(), lead.status());
        if (changed == 0) {
            throw new TesseraException(PipelineErrors.LEAD_CLOSED, "Lead " + lead.id() + " changed meanwhile; look"
                    + " at it again");
        }
        Lead after = requireLead(db, lead.id());
        events.publish(db, type.changed(Long.toString(lead.id()), 2, actor, details(lead, null, null, null),
                details(after, accountId, contactId, reason)));
        return after;
    }

    void requireOpenLead(Lead lead) {
        if (lead.status() != LeadStatus.OPEN) {
            throw new TesseraException(PipelineErrors.LEAD_CLOSED, "Lead " + lead.id() + " is "
                    + lead.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (lead.mergedInto() == null ? "" : " into lead " + lead.mergedInto())
                    + (lead.opportunityId() == null ? "" : " (opportunity " + lead.opportunityId() + ")")
                    + "; only open leads can be changed this way");
        }
    }

    /** Fills the kept lead's empty fields from the duplicate (notes are joined); true when something changed. */
    boolean absorb(Connection db, Lead keep, Lead duplicate) {
        Map<String, Object> set = new LinkedHashMap<>();
        if (keep.email() == null && duplicate.email() != null) {
            set.put("EMAIL", duplicate.email());
            set.put("EMAIL_KEY", Matching.emailKey(duplicate.email()));
        }
        fill(set, "COMPANY", keep.company(), duplicate.company());
        fill(set, "DOMAIN", keep.domain(), duplicate.domain());
        fill(set, "PHONE", keep.phone(), duplicate.phone());
        fill(set, "SOURCE", keep.source(), duplicate.source());
        fill(set, "OWNER", keep.owner(), duplicate.owner());
        if (duplicate.notes() != null) {
            String joined = keep.notes() == null ? duplicate.notes() : keep.notes() + "\n" + duplicate.notes();
            set.put("NOTES", joined.length() > 2000 ? joined.substring(0, 2000) : joined);
        }
        if (set.isEmpty()) {
            return false;
        }
        Sql.update(db, "PIP_LEAD", set, "ID = ?", keep.id());
        return true;
    }

    private static void fill(Map<String, Object> set, String column, String kept, String other) {
        if (kept == null && other != null) {
            set.put(column, other);
        }
    }

    /** Every open lead's matching keys, to find suspected pairs. */
    List<Object[]> openLeadKeys(Connection db) {
        return Sql.rows(db, "SELECT ID, EMAIL_KEY, DOMAIN, NAME_KEY, NAME_HEAD, NAME_TAIL, COMPANY FROM PIP_LEAD"
                + " WHERE STATUS = 'OPEN' ORDER BY ID");
    }

    static LeadDetails details(Lead l, Long accountId, Long contactId, String reason) {
        return new LeadDetails(l.id(), l.name(), l.email(), l.company(), l.domain(), l.phone(), l.source(), l.owner(),
                l.status(), l.mergedInto(), l.opportunityId(), accountId, contactId, reason);
    }

    private static Lead lead(Object[] r) {
        return new Lead(Sql.longValue(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], LeadStatus.valueOf((String) r[9]), Sql.longOrNull(r[10]),
                Sql.longOrNull(r[11]), Sql.instant(r[12]), Sql.longOrNull(r[13]));
    }

    static String head(String nameKey) {
        return nameKey.length() < 3 ? nameKey : nameKey.substring(0, 3);
    }

    static String tail(String nameKey) {
        return nameKey.length() < 3 ? nameKey : nameKey.substring(nameKey.length() - 3);
    }
}
