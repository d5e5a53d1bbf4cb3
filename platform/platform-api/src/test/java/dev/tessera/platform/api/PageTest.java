package dev.tessera.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class PageTest {
    @Test
    void theExtraRowMeansAnotherPageAndItsCursorCarriesTheLastKeptKey() {
        Page<Long> page = Page.of(List.of(1L, 2L, 3L), 2, Function.identity());
        assertEquals(List.of(1L, 2L), page.items());
        assertEquals(2L, Page.longKey(page.next(), 0));
    }

    @Test
    void aShortListIsTheLastPage() {
        Page<Long> page = Page.of(List.of(1L, 2L), 2, Function.identity());
        assertNull(page.next());
        assertEquals(0L, Page.longKey(null, 0));
    }

    @Test
    void aCursorNotMadeHereIsRefusedWithWhatToSendInstead() {
        TesseraException e = assertThrows(TesseraException.class, () -> Page.key("not-a-cursor"));
        assertEquals("platform.invalid-argument", e.code());
        assertTrue(e.getMessage().contains("'next' value of the previous page"));
    }

    @Test
    void limitsOutsideOneToTheMaximumAreRefused() {
        assertEquals(50, Page.limit(null, 50));
        assertEquals(7, Page.limit(" 7 ", 50));
        assertThrows(TesseraException.class, () -> Page.limit("0", 50));
        assertThrows(TesseraException.class, () -> Page.limit("1001", 50));
        assertThrows(TesseraException.class, () -> Page.limit("99999999999999999999", 50));
        assertThrows(TesseraException.class, () -> Page.limit("ten", 50));
    }
}
