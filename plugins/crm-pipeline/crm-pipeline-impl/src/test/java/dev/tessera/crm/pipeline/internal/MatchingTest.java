package dev.tessera.crm.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tessera.crm.pipeline.api.MatchKind;

class MatchingTest {
    @Test
    void theCompanyDomainComesFromTheWebsiteOrACompanyAddressNeverFromFreeMail() {
        assertEquals("example.com", Matching.domain("https://WWW.Example.com/about?x=1", "anna@other.org"));
        assertEquals("acme.de", Matching.domain(null, "Anna.Berg@ACME.de"));
        assertNull(Matching.domain(null, "anna.berg@gmail.com"));
        assertNull(Matching.domain("localhost", null));
        assertEquals("example.com", Matching.host("example.com:8080/"));
    }

    @Test
    void namesAreFoldedToPlainLettersWithWordsSorted() {
        assertEquals("anna muller", Matching.nameKey("Müller, Anna"));
        assertEquals(Matching.nameKey("anna  MULLER"), Matching.nameKey("Müller, Anna"));
        assertEquals("gross strasse", Matching.nameKey("Straße Groß"));
    }

    @Test
    void nearIdenticalNamesAreOneEditApartOrTwoForLongNames() {
        assertTrue(Matching.similarNames(Matching.nameKey("Tom Fischer"), Matching.nameKey("Tom Fisher")));
        assertTrue(Matching.similarNames(Matching.nameKey("Jon Smith"), Matching.nameKey("John Smith")));
        assertTrue(Matching.similarNames(Matching.nameKey("Alexandra Schmidt"), Matching.nameKey("Aleksandra Schmidt")));
        assertFalse(Matching.similarNames(Matching.nameKey("Tom Fischer"), Matching.nameKey("Tim Fisher")));
        assertFalse(Matching.similarNames(Matching.nameKey("Eva Lang"), Matching.nameKey("Ida Lang")));
        assertFalse(Matching.similarNames("", ""));
    }

    @Test
    void theThreeMatchKindsAreFoundIndependently() {
        assertEquals(Set.of(MatchKind.EMAIL), PipelineStore.kinds("a@x.com", null, "anna", "a@x.com", null, "bert"));
        assertEquals(Set.of(MatchKind.DOMAIN), PipelineStore.kinds("a@x.com", "x.com", "anna", "b@x.com", "x.com", "bert"));
        assertEquals(Set.of(MatchKind.NAME), PipelineStore.kinds(null, null, "anna berg", null, null, "anna bergh"));
        assertEquals(Set.of(), PipelineStore.kinds(null, null, "anna berg", null, null, "carl holm"));
    }
}
