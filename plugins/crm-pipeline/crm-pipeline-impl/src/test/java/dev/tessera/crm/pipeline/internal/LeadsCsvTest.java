package dev.tessera.crm.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.crm.pipeline.api.NewLead;
import dev.tessera.platform.api.ValidationException;

class LeadsCsvTest {
    @Test
    void aHeaderIsSkippedAndEmptyFieldsAreNull() {
        List<NewLead> leads = LeadsCsv.parse("name,email,company\nAnna Berg,anna@acme.example,\"Acme, Inc.\"\n"
                + "Bert,,,,+49 30 1234,web\n");
        assertEquals(new NewLead("Anna Berg", "anna@acme.example", "Acme, Inc.", null, null, null, null, null),
                leads.get(0));
        assertEquals(new NewLead("Bert", null, null, null, "+49 30 1234", "web", null, null), leads.get(1));
    }

    @Test
    void aRowWithTooManyFieldsIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> LeadsCsv.parse("a,b,c,d,e,f,g,h,i"));
        assertEquals("rows[1]", e.errors().get(0).field());
    }
}
