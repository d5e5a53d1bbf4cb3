package dev.tessera.erp.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.ledger.api.AccountType;
import dev.tessera.erp.ledger.api.NewAccount;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;

class AccountsCsvTest {
    @Test
    void readsRowsWithQuotesAfterAnOptionalHeaderLine() {
        List<NewAccount> accounts = AccountsCsv.parse("code,name,type,parent,header\r\n"
                + "6000,\"Travel, meals and \"\"other\"\" costs\",expense,,yes\n"
                + "6010,Train tickets,EXPENSE,6000\n\n");
        assertEquals(List.of(new NewAccount("6000", "Travel, meals and \"other\" costs", AccountType.EXPENSE, null, true),
                new NewAccount("6010", "Train tickets", AccountType.EXPENSE, "6000", false)), accounts);
    }

    @Test
    void everyWrongRowIsNamedAndNothingIsReturned() {
        ValidationException e = assertThrows(ValidationException.class, () -> AccountsCsv.parse(
                "6000,Travel,cost\n6010\n6020,Taxis,expense,6000,maybe\n"));
        assertEquals("ledger.invalid-import", e.code());
        assertEquals(List.of("rows[1].type", "rows[2]", "rows[3].header"), e.errors().stream().map(FieldError::field).toList());
    }
}
