package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.ModuleState;
import dev.tessera.platform.api.persistence.SchemaMigrations;

/** A module is upgraded while Tessera runs: its schema migrates (a column renamed, one added) and no row is lost. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleUpgradeIT extends TesseraTestSupport {
    private static final String NOTES = "dev.tessera.itest.notes.api.NoteService";

    @Inject
    private FeaturesService features;

    @Inject
    private ModuleManager modules;

    @Inject
    private SchemaMigrations migrations;

    @Inject
    @Filter("(osgi.jndi.service.name=tessera)")
    private DataSource dataSource;

    @Test
    public void upgradingAModuleInPlaceMigratesItsSchemaAndKeepsEveryRow() throws Exception {
        addTestModules(features);
        // an installation that has been running version 0.1.0 of the module
        features.installFeature("tessera-itest-notes", "0.1.0.SNAPSHOT", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        await("version 0.1.0 active", Duration.ofSeconds(30), () -> state() == ModuleState.ACTIVE);
        ModuleInfo before = modules.module("itest-notes").orElseThrow();
        assertEquals("0.1.0.SNAPSHOT", before.version());
        assertEquals("0.2.0", before.newestVersion());
        assertTrue(executeCommand("tessera:modules").contains("(0.2.0 available)"));
        for (String text : List.of("first", "second", "third")) {
            callService(NOTES, "create", text);
        }
        assertEquals("001-notes", schemaVersion());

        List<String> all = new ArrayList<>();
        List<String> outside = recordBundleEventsOutside("dev.tessera.itest.notes.impl", all,
                () -> assertTrue(executeCommand("tessera:upgrade itest-notes").contains(
                        "Upgraded itest-notes from 0.1.0.SNAPSHOT to 0.2.0")));
        assertEquals("no bundle outside the module was touched: " + all, List.of(), outside);

        assertEquals(ModuleState.ACTIVE, state());
        assertEquals("0.2.0", modules.module("itest-notes").orElseThrow().version());
        assertEquals("002-body-and-author", schemaVersion());
        assertEquals(List.of("first", "second", "third"), callService(NOTES, "texts"));
        assertEquals(List.of("first unknown", "second unknown", "third unknown"),
                rows("SELECT BODY, AUTHOR FROM ITN_NOTE ORDER BY ID"));
        callService(NOTES, "create", "after the upgrade");

        String again = executeFailingCommand("tessera:upgrade itest-notes");
        assertTrue(again, again.contains("already at 0.2.0") && again.contains("[platform.module-up-to-date]"));
    }

    private ModuleState state() {
        return modules.module("itest-notes").map(ModuleInfo::state).orElse(ModuleState.AVAILABLE);
    }

    private String schemaVersion() {
        return migrations.status().stream().filter(s -> s.moduleId().equals("itest-notes")).findFirst().orElseThrow()
                .appliedVersion();
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
