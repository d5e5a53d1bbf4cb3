package dev.tessera.crm.pipeline.internal;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.crm.pipeline.api.NewLead;
import dev.tessera.crm.pipeline.api.PipelineErrors;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.Csv;

/**
 * Leads as CSV: {@code name,email,company,website,phone,source,owner,notes} (RFC 4180 quoting, optional header line;
 * all but the name may be empty). Rows are numbered from 1 after the header.
 */
public final class LeadsCsv {
    static final String COLUMNS = "name,email,company,website,phone,source,owner,notes";

    private LeadsCsv() {
    }

    public static List<NewLead> parse(String text) {
        List<List<String>> records = Csv.records(text);
        if (!records.isEmpty() && records.get(0).get(0).trim().equalsIgnoreCase("name")) {
            records.remove(0);
        }
        List<NewLead> leads = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int row = 0;
        for (List<String> f : records) {
            row++;
            if (f.size() > 8) {
                errors.add(new FieldError("rows[" + row + "]", "has " + f.size() + " fields; a row is " + COLUMNS));
                continue;
            }
            leads.add(new NewLead(Csv.field(f, 0), Csv.field(f, 1), Csv.field(f, 2), Csv.field(f, 3),
                    Csv.field(f, 4), Csv.field(f, 5), Csv.field(f, 6), Csv.field(f, 7)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(PipelineErrors.INVALID_IMPORT, "Nothing was imported: " + errors.size()
                    + " problem(s) in the file; fix them and import it again", errors);
        }
        return leads;
    }
}
