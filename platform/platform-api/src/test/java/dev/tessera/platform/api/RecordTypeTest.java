package dev.tessera.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"account", "journal-entry", "customer-billing", "bom2"})
    void acceptsLowerCaseKebabNames(String name) {
        assertEquals(name, RecordType.of(name).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Account", "journal_entry", "-account", "account-", "a--b", "journal entry"})
    void refusesOtherNamesWithAnExample(String name) {
        TesseraException e = assertThrows(TesseraException.class, () -> RecordType.of(name));
        assertEquals("platform.invalid-argument", e.code());
        assertEquals(true, e.getMessage().contains("journal-entry"));
    }

    @Test
    void errorCodesMustBeStable() {
        assertThrows(IllegalArgumentException.class,
                () -> new TesseraException("Bad Code", ErrorKind.INVALID, "x", null));
        assertEquals("ledger.unbalanced",
                new TesseraException("ledger.unbalanced", ErrorKind.INVALID, "x", null).code());
    }
}
