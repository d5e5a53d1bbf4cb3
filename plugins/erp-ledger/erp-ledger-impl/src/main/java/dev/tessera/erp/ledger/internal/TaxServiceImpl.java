package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.LedgerException;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxRounding;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.ledger.api.TaxableLine;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Sql;

/** Tax codes on LDG_TAX_CODE and the one calculation that quotes and invoices share. */
@Component(service = TaxService.class)
public final class TaxServiceImpl implements TaxService {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_\\-]{0,19}");

    private static final String COLUMNS = "CODE, NAME, RATE, PAYABLE_ACCOUNT, RECEIVABLE_ACCOUNT, INCLUSIVE, ROUNDING,"
            + " ACTIVE";

    private final Transactions transactions;
    private final LedgerService ledger;
    private final LedgerPublisher events;

    @Activate
    public TaxServiceImpl(@Reference Transactions transactions, @Reference EventPublisher publisher,
                          @Reference(target = "(tessera.module=erp-ledger)") ModuleSchema schema,
                          @Reference LedgerService ledger) {
        this.transactions = transactions;
        this.ledger = ledger;
        this.events = new LedgerPublisher(publisher);
    }

    @Override
    public List<TaxCode> taxCodes() {
        return transactions.required(db -> Sql.rows(db, "SELECT " + COLUMNS + " FROM LDG_TAX_CODE ORDER BY CODE")
                .stream().map(TaxServiceImpl::taxCode).toList());
    }

    @Override
    public Optional<TaxCode> taxCode(String code) {
        return code == null ? Optional.empty() : transactions.required(db -> find(db, code));
    }

    private static Optional<TaxCode> find(Connection db, String code) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + COLUMNS + " FROM LDG_TAX_CODE WHERE CODE = ?", code))
                .map(TaxServiceImpl::taxCode);
    }

    private static TaxCode taxCode(Object[] r) {
        BigDecimal rate = Sql.decimal(r[2]);
        return new TaxCode(Sql.text(r[0]), (String) r[1], rate, Sql.text(r[3]), Sql.text(r[4]), Sql.bool(r[5]),
                TaxRounding.valueOf(Sql.text(r[6])), Sql.bool(r[7]));
    }

    @Override
    public TaxCode createTaxCode(TaxCode code, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null) {
            errors.add(new FieldError("code", "is required"));
            ValidationException.throwIfAny(LedgerErrors.INVALID_TAX_CODE, "The tax code", errors);
        }
        if (code.code() == null || !CODE.matcher(code.code()).matches()) {
            errors.add(new FieldError("code", "must be 1 to 20 capital letters, digits, - or _, e.g. VAT19"));
        }
        if (code.name() == null || code.name().isBlank() || code.name().length() > 200) {
            errors.add(new FieldError("name", "is required: 1 to 200 characters"));
        }
        if (code.rate() == null || code.rate().signum() < 0 || code.rate().compareTo(BigDecimal.valueOf(100)) > 0
                || code.rate().stripTrailingZeros().scale() > 4) {
            errors.add(new FieldError("rate", "must be a percentage from 0 to 100 with at most 4 decimals, e.g. 19"));
        }
        if (code.rounding() == null) {
            errors.add(new FieldError("rounding", "is required: LINE or DOCUMENT"));
        }
        ValidationException.throwIfAny(LedgerErrors.INVALID_TAX_CODE, "The tax code", errors);
        return transactions.required(db -> {
            if (find(db, code.code()).isPresent()) {
                throw new LedgerException(LedgerErrors.DUPLICATE_TAX_CODE, "Tax code " + code.code() + " exists already");
            }
            List<FieldError> accounts = new ArrayList<>();
            checkAccount(Chart.find(db, String.valueOf(code.payableAccount())).orElse(null), "payableAccount",
                    code.payableAccount(), accounts);
            checkAccount(Chart.find(db, String.valueOf(code.receivableAccount())).orElse(null), "receivableAccount",
                    code.receivableAccount(), accounts);
            if (!accounts.isEmpty()) {
                throw new ValidationException(LedgerErrors.UNKNOWN_ACCOUNT, "The tax code's accounts must be postable"
                        + " accounts of the chart", accounts);
            }
            Sql.insert(db, "LDG_TAX_CODE", Map.of("CODE", code.code(), "NAME", code.name().trim(), "RATE", code.rate(),
                    "PAYABLE_ACCOUNT", code.payableAccount(), "RECEIVABLE_ACCOUNT", code.receivableAccount(),
                    "INCLUSIVE", code.inclusive(), "ROUNDING", code.rounding().name(), "ACTIVE", true));
            TaxCode created = find(db, code.code()).orElseThrow();
            events.taxCodeCreated(db, created, actor);
            return created;
        });
    }

    private static void checkAccount(Account account, String field, String code, List<FieldError> errors) {
        if (account == null) {
            errors.add(new FieldError(field, "'" + code + "' is not an account of the chart"));
        } else if (account.header()) {
            errors.add(new FieldError(field, code + " is a header account"));
        }
    }

    @Override
    public TaxCalculation calculate(String currency, List<TaxableLine> lines) {
        List<FieldError> errors = new ArrayList<>();
        Currency money;
        try {
            money = Currency.getInstance(currency == null ? ledger.baseCurrency() : currency);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "Unknown currency",
                    List.of(new FieldError("currency", "'" + currency + "' is not an ISO 4217 currency code")));
        }
        int digits = Math.max(money.getDefaultFractionDigits(), 0);
        if (lines == null || lines.isEmpty()) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "Nothing to tax",
                    List.of(new FieldError("lines", "needs at least one line")));
        }
        List<TaxCode> all = taxCodes();
        List<BigDecimal> amounts = new ArrayList<>();
        List<TaxCode> codes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TaxableLine line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line == null || line.amount() == null) {
                errors.add(new FieldError(at + "amount", "is required"));
                continue;
            }
            if (line.amount().stripTrailingZeros().scale() > digits) {
                errors.add(new FieldError(at + "amount", "has more than " + digits + " decimals, the most "
                        + money.getCurrencyCode() + " has"));
            }
            Optional<TaxCode> code = all.stream().filter(c -> c.code().equals(line.taxCode()) && c.active()).findFirst();
            if (code.isEmpty()) {
                errors.add(new FieldError(at + "taxCode", "'" + line.taxCode() + "' is not an active tax code"));
                continue;
            }
            amounts.add(line.amount());
            codes.add(code.get());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().anyMatch(e -> e.field().endsWith("taxCode"))
                    ? LedgerErrors.UNKNOWN_TAX_CODE : LedgerErrors.INVALID_ENTRY, "The lines cannot be taxed", errors);
        }
        return TaxEngine.calculate(money.getCurrencyCode(), digits, amounts, codes);
    }
}
