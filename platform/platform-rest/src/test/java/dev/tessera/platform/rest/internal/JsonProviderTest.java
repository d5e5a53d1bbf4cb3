package dev.tessera.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.tessera.platform.api.Money;
import dev.tessera.platform.api.RecordType;

class JsonProviderTest {
    private final ObjectMapper json = JsonProvider.mapper();

    /** A request body as modules declare them: an explicit list of fields. */
    record Line(String account, BigDecimal debit, int quantity) {
    }

    @Test
    void moneyIsWrittenAsAnExactDecimalWithItsCurrencyAndReadBackEqual() throws Exception {
        Money amount = Money.of("1234567890123.10", "EUR");
        String text = json.writeValueAsString(amount);
        assertEquals(amount, json.readValue(text, Money.class));
        assertEquals(true, text.contains("1234567890123.10") && text.contains("\"EUR\"") && !text.contains("E+"), text);
    }

    @Test
    void timesAreIsoStringsAndRecordTypesTheirNames() throws Exception {
        assertEquals("{\"at\":\"2026-11-23T10:15:30Z\",\"owns\":[\"journal-entry\"]}", json.writeValueAsString(
                Map.of("at", Instant.parse("2026-11-23T10:15:30Z"), "owns", List.of(RecordType.of("journal-entry")))
                        .entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                                (a, b) -> a, java.util.LinkedHashMap::new))));
    }

    @Test
    void unknownFieldsAndQuietConversionsAreRefused() {
        assertThrows(UnrecognizedPropertyException.class,
                () -> json.readValue("{\"account\":\"1000\",\"debit\":1,\"quantity\":1,\"admin\":true}", Line.class));
        assertThrows(MismatchedInputException.class,
                () -> json.readValue("{\"account\":1000,\"debit\":1,\"quantity\":1}", Line.class), "a number for text");
        assertThrows(MismatchedInputException.class,
                () -> json.readValue("{\"account\":\"1000\",\"debit\":1,\"quantity\":\"7\"}", Line.class), "text for a number");
        assertThrows(MismatchedInputException.class,
                () -> json.readValue("{\"account\":\"1000\",\"debit\":1,\"quantity\":null}", Line.class), "null for a count");
        assertThrows(Exception.class,
                () -> json.readValue("{\"account\":\"1000\",\"debit\":1,\"quantity\":99999999999}", Line.class), "out of range");
    }

    @Test
    void amountsMayComeAsDecimalStringsButNotAsWords() throws Exception {
        assertEquals(new BigDecimal("250.00"), json.readValue("{\"account\":\"1\",\"debit\":\"250.00\",\"quantity\":1}",
                Line.class).debit());
        assertThrows(Exception.class, () -> json.readValue("{\"account\":\"1\",\"debit\":\"lots\",\"quantity\":1}", Line.class));
    }

    @Test
    void decimalsKeepEveryDigit() throws Exception {
        Line line = json.readValue("{\"account\":\"1000\",\"debit\":0.1000000000000000000001,\"quantity\":2}", Line.class);
        assertEquals(new BigDecimal("0.1000000000000000000001"), line.debit());
    }

    @Test
    void aWholeNumberFieldRefusesAFractionInsteadOfCuttingItOff() {
        assertThrows(MismatchedInputException.class, () -> json.readValue("{\"account\":\"1100\",\"debit\":1,"
                + "\"quantity\":1.5}", Line.class));
        assertThrows(MismatchedInputException.class, () -> json.readValue("{\"account\":\"1100\",\"debit\":1,"
                + "\"quantity\":1.0000000001}", Line.class));
    }

    @Test
    void textWithARightToLeftOverrideOrAnotherHiddenControlCharacterIsRefusedWithItsField() {
        for (String hidden : List.of("\\u202e", "\\u2066", "\\u0000", "\\u001b", "\\u0085")) {
            com.fasterxml.jackson.databind.JsonMappingException e = assertThrows(
                    com.fasterxml.jackson.databind.JsonMappingException.class, () -> json.readValue(
                            "{\"account\":\"inv" + hidden + "fdp.exe\",\"debit\":1,\"quantity\":1}", Line.class));
            assertEquals("account", e.getPath().get(0).getFieldName());
            assertEquals(true, e.getOriginalMessage().startsWith(JsonProvider.INVISIBLE), e.getOriginalMessage());
        }
        assertEquals("Zürich\tline one\nline two", assertDoesNotThrowRead(
                "{\"account\":\"Zürich\\tline one\\nline two\",\"debit\":1,\"quantity\":1}").account());
    }

    private Line assertDoesNotThrowRead(String text) {
        try {
            return json.readValue(text, Line.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAbsentWholeNumberIsRefusedAsMissingNotReadAsZero() {
        MismatchedInputException absent = assertThrows(MismatchedInputException.class,
                () -> json.readValue("{\"account\":\"1000\",\"debit\":1}", Line.class));
        assertEquals(true, ProblemMappers.MalformedJson.absent(absent), absent.getOriginalMessage());
        MismatchedInputException wrong = assertThrows(MismatchedInputException.class,
                () -> json.readValue("{\"account\":\"1000\",\"debit\":1,\"quantity\":\"7\"}", Line.class));
        assertEquals(false, ProblemMappers.MalformedJson.absent(wrong), wrong.getOriginalMessage());
    }
}
