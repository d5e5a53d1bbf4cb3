package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import dev.tessera.platform.api.HealthReport;
import dev.tessera.platform.api.HealthService;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.OwnershipRegistry;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionBootIT extends TesseraTestSupport {

    @Test
    public void everyBundleOfTheDistributionIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders("").get("Fragment-Host") != null;
            if (bundle.getState() != Bundle.ACTIVE && !(fragment && bundle.getState() == Bundle.RESOLVED)) {
                notActive.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertEquals("bundles not active", List.of(), notActive);
        for (String name : List.of("dev.tessera.platform.api", "dev.tessera.platform.core", "dev.tessera.platform.shell")) {
            Bundle bundle = bundle(name);
            assertNotNull(name + " is not installed", bundle);
            assertEquals(name + " is not active", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void kernelServicesAndConsoleCommandsAreAvailable() {
        assertNotNull(service(ModuleManager.class));
        assertNotNull(service(OwnershipRegistry.class));
        HealthReport health = service(HealthService.class).report();
        assertTrue("health: " + health, health.up());

        String healthOutput = executeCommand("tessera:health");
        assertTrue(healthOutput, healthOutput.contains("framework") && healthOutput.contains("Tessera is healthy"));
        String modules = executeCommand("tessera:modules");
        assertTrue(modules, modules.contains("ID") && modules.contains("STATE") && modules.contains("OWNS"));
        String ownership = executeCommand("tessera:ownership");
        assertTrue(ownership, ownership.contains("RECORD TYPE") && ownership.contains("OWNER"));
    }

    @Test
    public void bootLogHasNoError() throws IOException {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("| ERROR |")).toList();
        assertEquals("ERROR lines in " + log, List.of(), errors);
    }

    @Test
    public void shippedDefaultsAcceptNoLoginAndListenOnLoopbackOnly() throws IOException {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Properties users = load(etc.resolve("users.properties"));
        List<String> userNames = users.stringPropertyNames().stream().filter(name -> !name.startsWith("_g_:")).toList();
        assertEquals("users shipped in etc/users.properties", List.of(), userNames);
        assertEquals("true", load(etc.resolve("org.apache.karaf.jaas.cfg")).getProperty("encryption.enabled"));
        assertEquals("127.0.0.1", load(etc.resolve("org.apache.karaf.shell.cfg")).getProperty("sshHost"));
        Properties management = load(etc.resolve("org.apache.karaf.management.cfg"));
        assertEquals("127.0.0.1", management.getProperty("rmiRegistryHost"));
        assertEquals("127.0.0.1", management.getProperty("rmiServerHost"));
        assertEquals("127.0.0.1", load(etc.resolve("org.ops4j.pax.web.cfg")).getProperty("org.ops4j.pax.web.listening.addresses"));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
