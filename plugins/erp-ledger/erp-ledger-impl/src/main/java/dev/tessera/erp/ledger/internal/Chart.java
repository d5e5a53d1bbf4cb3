package dev.tessera.erp.ledger.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.AccountType;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.LedgerException;
import dev.tessera.erp.ledger.api.NewAccount;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.Sql;

/**
 * The chart of accounts on LDG_ACCOUNT. A new account gets a zero balance row in every period that exists, so that
 * postings only ever update balance rows.
 */
final class Chart {
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}");
    static final String COLUMNS = "CODE, NAME, ACCOUNT_TYPE, PARENT, HEADER, ACTIVE";

    private final LedgerPublisher events;

    Chart(LedgerPublisher events) {
        this.events = events;
    }

    static Optional<Account> find(Connection db, String code) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + COLUMNS + " FROM LDG_ACCOUNT WHERE CODE = ?", code))
                .map(Chart::account);
    }

    static Account require(Connection db, String code) {
        return find(db, code).orElseThrow(() -> new LedgerException(LedgerErrors.ACCOUNT_NOT_FOUND, "No account "
                + code + "; ledger:accounts lists them"));
    }

    static List<Account> all(Connection db) {
        return Sql.rows(db, "SELECT " + COLUMNS + " FROM LDG_ACCOUNT ORDER BY CODE").stream().map(Chart::account).toList();
    }

    static Map<String, Account> byCode(Connection db) {
        return all(db).stream().collect(Collectors.toMap(Account::code, a -> a));
    }

    Account create(Connection db, NewAccount account, String actor) {
        List<FieldError> errors = new ArrayList<>();
        check(account, "", errors);
        ValidationException.throwIfAny(LedgerErrors.INVALID_ACCOUNT, "The account", errors);
        Journal.lockChain(db);
        if (find(db, account.code()).isPresent()) {
            throw new LedgerException(LedgerErrors.DUPLICATE_ACCOUNT, "Account " + account.code()
                    + " exists already; choose another code");
        }
        String parentProblem = parentProblem(db, account, Map.of());
        if (parentProblem != null) {
            throw new ValidationException(LedgerErrors.INVALID_ACCOUNT, "The account's parent must be a header"
                    + " account of the same type", List.of(new FieldError("parent", parentProblem)));
        }
        return insert(db, account, actor);
    }

    /** Adds accounts all or none: every row is checked first, and any problem refuses the whole list. */
    int importAll(Connection db, List<NewAccount> accounts, IntConsumer progress, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (accounts == null || accounts.isEmpty()) {
            throw new ValidationException(LedgerErrors.INVALID_IMPORT, "There are no accounts to import",
                    List.of(new FieldError("rows", "needs at least one account")));
        }
        Map<String, NewAccount> byCode = new LinkedHashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            NewAccount account = accounts.get(i);
            String at = "rows[" + (i + 1) + "].";
            int before = errors.size();
            check(account, at, errors);
            if (errors.size() == before && byCode.putIfAbsent(account.code(), account) != null) {
                errors.add(new FieldError(at + "code", account.code() + " appears twice in the file"));
            }
        }
        Journal.lockChain(db);
        int row = 0;
        for (NewAccount account : accounts) {
            row++;
            if (account == null || account.code() == null) {
                continue;
            }
            if (find(db, account.code()).isPresent()) {
                errors.add(new FieldError("rows[" + row + "].code", account.code() + " is in the chart already"));
            }
            String parentProblem = parentProblem(db, account, byCode);
            if (parentProblem != null) {
                errors.add(new FieldError("rows[" + row + "].parent", parentProblem));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(LedgerErrors.INVALID_IMPORT, "Nothing was imported: " + errors.size()
                    + " problem(s) in " + accounts.size() + " rows; fix them and import the whole file again", errors);
        }
        // parents first, so that a child's parent exists when it is written
        List<NewAccount> ordered = new ArrayList<>(accounts);
        ordered.sort(Comparator.comparing((NewAccount a) -> !a.header()).thenComparing(NewAccount::code));
        int written = 0;
        for (NewAccount account : ordered) {
            insert(db, account, actor);
            written++;
            if (written % 100 == 0 || written == ordered.size()) {
                progress.accept(written);
            }
        }
        return written;
    }

    Account setActive(Connection db, String code, boolean active, String actor) {
        Account before = require(db, code);
        if (before.active() == active) {
            return before;
        }
        Sql.execute(db, "UPDATE LDG_ACCOUNT SET ACTIVE = ? WHERE CODE = ?", active, code);
        Account after = require(db, code);
        events.accountUpdated(db, before, after, actor);
        return after;
    }

    private static void check(NewAccount account, String at, List<FieldError> errors) {
        if (account == null) {
            errors.add(new FieldError(at + "code", "is required"));
            return;
        }
        if (account.code() == null || !CODE.matcher(account.code()).matches()) {
            errors.add(new FieldError(at + "code", "must be 1 to 20 letters, digits, dots or hyphens, starting with a"
                    + " letter or digit, e.g. 1210"));
        }
        if (account.name() == null || account.name().isBlank() || account.name().length() > 200) {
            errors.add(new FieldError(at + "name", "is required: 1 to 200 characters"));
        }
        if (account.type() == null) {
            errors.add(new FieldError(at + "type", "is required: ASSET, LIABILITY, EQUITY, REVENUE or EXPENSE"));
        }
    }

    /** Why the account's parent will not do, or null; {@code pending} are accounts written in the same go. */
    private static String parentProblem(Connection db, NewAccount account, Map<String, NewAccount> pending) {
        if (account.parent() == null) {
            return null;
        }
        Optional<Account> parent = find(db, account.parent());
        NewAccount waiting = pending.get(account.parent());
        AccountType type = parent.map(Account::type).orElse(waiting == null ? null : waiting.type());
        boolean header = parent.map(Account::header).orElse(waiting != null && waiting.header());
        if (type == null) {
            return "'" + account.parent() + "' is not an account";
        }
        if (!header || type != account.type()) {
            return "'" + account.parent() + "' is not a header account of type " + account.type();
        }
        return null;
    }

    private Account insert(Connection db, NewAccount account, String actor) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("CODE", account.code());
        row.put("NAME", account.name().trim());
        row.put("ACCOUNT_TYPE", account.type().name());
        row.put("PARENT", account.parent());
        row.put("HEADER", account.header());
        row.put("ACTIVE", true);
        Sql.insert(db, "LDG_ACCOUNT", row);
        Sql.execute(db, "INSERT INTO LDG_BALANCE (ACCOUNT, PERIOD_ID, DEBIT, CREDIT) SELECT ?, ID, 0, 0 FROM LDG_PERIOD",
                account.code());
        Account created = require(db, account.code());
        events.accountCreated(db, created, actor);
        return created;
    }

    static Account account(Object[] r) {
        return new Account(Sql.text(r[0]), (String) r[1], AccountType.valueOf(Sql.text(r[2])), Sql.text(r[3]),
                Sql.bool(r[4]), Sql.bool(r[5]));
    }
}
