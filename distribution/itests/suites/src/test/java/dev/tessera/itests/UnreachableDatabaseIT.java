package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import dev.tessera.platform.api.HealthReport;
import dev.tessera.platform.api.HealthService;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.persistence.MigrationStatus;
import dev.tessera.platform.api.persistence.SchemaMigrations;

/**
 * The datasource points at a database that does not answer: the kernel's schema cannot be migrated, and the
 * platform says so in health and tessera:migrations while the module manager and the console keep working.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UnreachableDatabaseIT extends TesseraTestSupport {

    @Inject
    private HealthService health;

    @Inject
    private ModuleManager modules;

    @Inject
    private SchemaMigrations migrations;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String cfg = "etc/org.ops4j.datasource-tessera.cfg";
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(dataSource("PostgreSQL JDBC Driver", "jdbc:postgresql://127.0.0.1:" + closedPort + "/tessera",
                "tessera", "not-used"));
        options.add(editConfigurationFilePut(cfg, "pool.connectionTimeout", "2000"));
        options.add(editConfigurationFilePut(cfg, "pool.initializationFailTimeout", "-1"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void healthAndMigrationsSayTheDatabaseCannotBeReachedWhileTheConsoleWorks() {
        await("the kernel's migration has failed", Duration.ofSeconds(60),
                () -> migrations.status().stream().anyMatch(s -> s.moduleId().equals("platform") && s.failed()));
        MigrationStatus platform = migrations.status().stream().filter(s -> s.moduleId().equals("platform")).findFirst().orElseThrow();
        assertTrue(platform.lastError(), platform.lastError().toLowerCase().contains("connection"));

        HealthReport report = health.report();
        assertFalse(report.up());
        String datasource = report.entries().stream().filter(e -> e.name().equals("datasource")).findFirst()
                .orElseThrow().status().detail();
        assertTrue(datasource, datasource.startsWith("cannot connect") && datasource.contains("org.ops4j.datasource-tessera.cfg"));

        CommandResult healthCommand = tryCommand("tessera:health");
        assertTrue("health exits non-zero: " + healthCommand, healthCommand.failure() != null
                && healthCommand.failure().contains("Tessera is not healthy"));
        String table = executeCommand("tessera:migrations");
        assertTrue(table, table.contains("platform"));
        assertEquals("the module manager still answers", List.of(), modules.modules().stream()
                .filter(m -> m.enabled()).toList());
        assertTrue(executeCommand("tessera:modules").contains("STATE"));
        String events = executeFailingCommand("tessera:events");
        assertTrue(events, events.contains("The event stream is not available") && events.contains("tessera:health"));
    }
}
