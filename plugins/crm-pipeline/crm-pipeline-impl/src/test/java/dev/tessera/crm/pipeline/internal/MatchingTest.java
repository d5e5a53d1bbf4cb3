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
        assertEquals(Set.of(MatchKind.EMAIL), LeadStore.kinds(keys("a@x.com", null, "anna", null),
                keys("a@x.com", null, "bert", null)));
        assertEquals(Set.of(MatchKind.NAME), LeadStore.kinds(keys(null, null, "anna berg", null),
                keys(null, null, "anna bergh", null)));
        assertEquals(Set.of(), LeadStore.kinds(keys(null, null, "anna berg", null), keys(null, null, "carl holm", null)));
    }

    @Test
    void twoPeopleOfOneCompanyAreTwoLeadsButOnePersonAtTheSameCompanyIsADuplicate() {
        assertEquals(Set.of(), LeadStore.kinds(keys("anna@x.com", "x.com", "anna berg", "acme"),
                keys("carl@x.com", "x.com", "carl vogt", "acme")), "the same domain alone is no match");
        assertEquals(Set.of(MatchKind.NAME, MatchKind.DOMAIN), LeadStore.kinds(keys("anna@x.com", "x.com", "anna berg",
                null), keys("a.berg@x.com", "x.com", "anna bergh", null)));
        assertEquals(Set.of(MatchKind.NAME), LeadStore.kinds(keys(null, null, "anna berg", Matching.companyKey("ACME GmbH")),
                keys(null, null, "anna bergg", Matching.companyKey("Acme"))));
        assertEquals(Set.of(), LeadStore.kinds(keys(null, null, "anna berg", "acme"),
                keys(null, null, "anna bergg", "northwind")), "namesakes at two companies are two people");
    }

    @Test
    void companyNamesMeetWithoutTheirLegalFormCaseOrPunctuation() {
        assertEquals("acme", Matching.companyKey("ACME GmbH"));
        assertEquals("acme", Matching.companyKey("Acme, Inc."));
        assertEquals("muller bau", Matching.companyKey("Müller Bau AG"));
        assertEquals(null, Matching.companyKey(" GmbH "));
    }

    private static LeadStore.Keys keys(String email, String domain, String name, String company) {
        return new LeadStore.Keys(email, domain, name, company);
    }
}
