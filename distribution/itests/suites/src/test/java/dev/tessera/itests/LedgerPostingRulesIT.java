package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The ledger books another module's documents by a posting rule in etc/, as a durable subscriber: what happened
 * while the ledger was disabled is booked, once, when it is enabled again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LedgerPostingRulesIT extends RestTestSupport {
    private static final String RULE = "etc/dev.tessera.erp.ledger.rule-notes.cfg";

    @Inject
    private FeaturesService features;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = withUsers(super.config());
        options.add(editConfigurationFilePut(RULE, "event", "notes.note.created"));
        options.add(editConfigurationFilePut(RULE, "description", "Note {recordId}: {text}"));
        options.add(editConfigurationFilePut(RULE, "reference", "note-{recordId}"));
        options.add(editConfigurationFilePut(RULE, "lines", "5600:debit:1.00, 1100:credit:1.00"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void documentsMadeWhileTheLedgerWasDisabledAreBookedOnceWhenItReturns() throws Exception {
        addTestModules(features);
        assertEquals(200, await(post("/platform/modules/itest-notes/enable", ADMIN)).statusCode());
        awaitStatus(get("/notes", ADMIN), 200);
        note("before the ledger");

        HttpResponse<String> enabled = send(post("/platform/modules/erp-ledger/enable", ADMIN));
        assertEquals(enabled.body(), 200, enabled.statusCode());
        await("the first note is booked", Duration.ofSeconds(30), () -> booked() == 1);

        assertEquals(200, send(post("/platform/modules/erp-ledger/disable", ADMIN)).statusCode());
        note("while the ledger is away");
        note("and another one");

        assertEquals(200, send(post("/platform/modules/erp-ledger/enable", ADMIN)).statusCode());
        await("all three notes are booked", Duration.ofSeconds(30), () -> booked() == 3);
        try (Connection c = service(DataSource.class).getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(DISTINCT SOURCE_REF), SUM(TOTAL) FROM LDG_ENTRY"
                     + " WHERE SOURCE_MODULE = 'notes'")) {
            r.next();
            assertEquals("each note once", 3, r.getInt(1));
            assertEquals(0, r.getBigDecimal(2).compareTo(new java.math.BigDecimal("3.00")));
        }
        HttpResponse<String> entries = send(get("/ledger/journal-entries", ADMIN));
        assertTrue(entries.body(), entries.body().contains("while the ledger is away")
                && entries.body().contains("\"sourceModule\":\"notes\""));
        String subscribers = executeCommand("tessera:subscribers");
        assertTrue(subscribers, subscribers.contains("erp-ledger.posting-rules"));
    }

    private void note(String text) throws Exception {
        HttpResponse<String> created = send(postJson("/notes", ADMIN, "{\"text\":\"" + text + "\"}"));
        assertEquals(created.body(), 201, created.statusCode());
    }

    private long booked() {
        try (Connection c = service(DataSource.class).getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM LDG_ENTRY WHERE SOURCE_MODULE = 'notes'")) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            return -1; // the ledger's tables are not there yet
        }
    }
}
