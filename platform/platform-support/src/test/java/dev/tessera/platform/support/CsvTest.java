package dev.tessera.platform.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        assertEquals(List.of(List.of("a", "b, c", "say \"hi\"", "two\nlines"), List.of("x", "")),
                Csv.records("a,\"b, c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nx,\n"));
    }

    @Test
    void blankLinesAreSkippedAndFieldsTrimmedOnRequest() {
        List<List<String>> records = Csv.records("\n  one , two\n\n");
        assertEquals(1, records.size());
        assertEquals("one", Csv.field(records.get(0), 0));
        assertEquals(null, Csv.field(records.get(0), 5));
    }
}
