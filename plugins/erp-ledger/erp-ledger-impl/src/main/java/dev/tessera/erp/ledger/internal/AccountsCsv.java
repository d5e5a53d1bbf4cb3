package dev.tessera.erp.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tessera.erp.ledger.api.AccountType;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.NewAccount;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.Csv;

/**
 * A chart of accounts as CSV: {@code code,name,type,parent,header} per line (RFC 4180 quoting; an optional header
 * line; {@code type} asset/liability/equity/revenue/expense; {@code header} yes/no, true/false or empty). Rows are
 * numbered from 1 after the header line.
 */
public final class AccountsCsv {
    private AccountsCsv() {
    }

    public static List<NewAccount> parse(String text) {
        List<NewAccount> accounts = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<List<String>> records = Csv.records(text);
        if (!records.isEmpty() && !records.get(0).isEmpty()
                && records.get(0).get(0).trim().equalsIgnoreCase("code")) {
            records.remove(0);
        }
        int row = 0;
        for (List<String> fields : records) {
            row++;
            String at = "rows[" + row + "].";
            if (fields.size() < 3 || fields.size() > 5) {
                errors.add(new FieldError(at.substring(0, at.length() - 1), "has " + fields.size()
                        + " fields; a row is code,name,type[,parent[,header]]"));
                accounts.add(null);
                continue;
            }
            AccountType type = null;
            try {
                type = AccountType.valueOf(fields.get(2).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + "type", "'" + fields.get(2) + "' is not asset, liability, equity,"
                        + " revenue or expense"));
            }
            String parent = fields.size() > 3 && !fields.get(3).isBlank() ? fields.get(3).trim() : null;
            String header = fields.size() > 4 ? fields.get(4).trim().toLowerCase(Locale.ROOT) : "";
            boolean isHeader = header.equals("yes") || header.equals("true") || header.equals("y");
            if (!header.isEmpty() && !isHeader && !header.equals("no") && !header.equals("false") && !header.equals("n")) {
                errors.add(new FieldError(at + "header", "'" + fields.get(4) + "' is not yes or no"));
            }
            accounts.add(new NewAccount(fields.get(0).trim(), fields.get(1).trim(), type, parent, isHeader));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(LedgerErrors.INVALID_IMPORT, "Nothing was imported: " + errors.size()
                    + " problem(s) in the file; fix them and import it again", errors);
        }
        return accounts;
    }
}
