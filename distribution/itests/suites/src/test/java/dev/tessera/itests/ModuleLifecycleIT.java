package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.ModuleState;
import dev.tessera.platform.api.OwnershipRegistry;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.TesseraException;

/**
 * Modules come and go while Tessera runs: enabled, used, disabled and enabled again, without touching any other
 * bundle; refusals say why and change nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleLifecycleIT extends TesseraTestSupport {
    private static final String GREETER = "dev.tessera.itest.greeter.api.Greeter";
    private static final String CLIENT = "dev.tessera.itest.greeter.api.GreeterClient";
    private static final RecordType GREETING = RecordType.of("greeting");

    @Inject
    private FeaturesService features;

    @Inject
    private ModuleManager modules;

    @Inject
    private OwnershipRegistry ownership;

    @Before
    public void testModulesAreAvailable() throws Exception {
        addTestModules(features);
    }

    @After
    public void disableTestModules() throws Exception {
        List<String> enabled = new ArrayList<>();
        for (Feature feature : features.listRequiredFeatures()) {
            if (feature.getName().startsWith("tessera-itest-")) {
                enabled.add(feature.getName().substring("tessera-".length()));
            }
        }
        if (!enabled.isEmpty()) {
            modules.disable(enabled);
        }
    }

    @Test
    public void moduleIsEnabledUsedDisabledAndEnabledAgainAtRuntime() {
        assertEquals(ModuleState.AVAILABLE, state("itest-greeter"));

        long start = System.nanoTime();
        String output = executeCommand("tessera:enable itest-greeter");
        long enableMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(output, output.contains("Module itest-greeter 0.1.0.SNAPSHOT is active"));
        assertEquals(ModuleState.ACTIVE, state("itest-greeter"));
        assertEquals("Hello Ada", callService(GREETER, "greet", "Ada"));
        assertEquals(Optional.of("itest-greeter"), ownership.ownerOf(GREETING));
        String table = executeCommand("tessera:ownership");
        assertTrue(table, table.contains("greeting") && table.contains("itest-greeter"));
        String health = executeCommand("tessera:health");
        assertTrue(health, health.contains("module itest-greeter") && health.contains("Tessera is healthy"));

        start = System.nanoTime();
        executeCommand("tessera:disable itest-greeter");
        long disableMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ModuleState.AVAILABLE, state("itest-greeter"));
        assertFalse("the greeter service is gone", hasService(GREETER));
        assertEquals(Optional.empty(), ownership.ownerOf(GREETING));

        start = System.nanoTime();
        executeCommand("tessera:enable itest-greeter");
        long reEnableMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("Hello Grace", callService(GREETER, "greet", "Grace"));
        System.out.printf("MEASURE module itest-greeter: enable %d ms, disable %d ms, enable again %d ms%n",
                enableMillis, disableMillis, reEnableMillis);
    }

    @Test
    public void optionalConsumerKeepsWorkingWithoutDeactivatingWhileItsNeighbourComesAndGoes() {
        modules.enable(List.of("itest-client"));
        assertEquals("no greeter", callService(CLIENT, "greet", "Ada"));
        Object activations = callService(CLIENT, "activations");
        Object deactivations = callService(CLIENT, "deactivations");

        modules.enable(List.of("itest-greeter"));
        await("the client uses the greeter", Duration.ofSeconds(10), () -> "Hello Ada".equals(callService(CLIENT, "greet", "Ada")));
        modules.disable(List.of("itest-greeter"));
        await("the client works without the greeter", Duration.ofSeconds(10),
                () -> "no greeter".equals(callService(CLIENT, "greet", "Ada")));
        modules.enable(List.of("itest-greeter"));
        await("the client uses the greeter again", Duration.ofSeconds(10),
                () -> "Hello Ada".equals(callService(CLIENT, "greet", "Ada")));

        assertEquals("client activations", activations, callService(CLIENT, "activations"));
        assertEquals("client deactivations", deactivations, callService(CLIENT, "deactivations"));
        assertEquals(ModuleState.ACTIVE, state("itest-client"));
    }

    @Test
    public void enablingAndDisablingTouchesNoBundleOutsideTheModule() {
        modules.enable(List.of("itest-client"));
        List<String> bundleEvents = new ArrayList<>();
        List<String> outside = recordBundleEventsOutside("dev.tessera.itest.greeter.impl", bundleEvents, () -> {
            modules.enable(List.of("itest-greeter"));
            modules.disable(List.of("itest-greeter"));
            modules.enable(List.of("itest-greeter"));
            modules.disable(List.of("itest-greeter"));
        });
        assertEquals("the greeter's own bundle, and only it, was installed, started, stopped and uninstalled twice",
                2, bundleEvents.stream().filter("dev.tessera.itest.greeter.impl STARTED"::equals).count());
        assertEquals(2, bundleEvents.stream().filter("dev.tessera.itest.greeter.impl UNINSTALLED"::equals).count());
        // a refresh of any other bundle would show here as UNRESOLVED/RESOLVED/STOPPED/STARTED events
        assertEquals("bundle events outside the greeter module (the shared API bundle stays)", List.of(), outside);
    }

    @Test
    public void disablingARequiredModuleIsRefusedNamingTheModulesThatNeedIt() {
        String output = executeCommand("tessera:enable itest-audit");
        assertTrue(output, output.contains("itest-audit"));
        assertEquals("the required module came in with it", ModuleState.ACTIVE, state("itest-greeter"));
        assertEquals(Set.of("itest-greeter"), modules.module("itest-audit").orElseThrow().requires());

        String refusal = executeFailingCommand("tessera:disable itest-greeter");
        assertTrue(refusal, refusal.contains("'itest-greeter' is required by enabled module(s) itest-audit"));
        assertTrue(refusal, refusal.contains("[platform.module-required]"));
        assertEquals(ModuleState.ACTIVE, state("itest-greeter"));
        assertEquals(ModuleState.ACTIVE, state("itest-audit"));

        executeCommand("tessera:disable itest-audit");
        assertEquals(ModuleState.AVAILABLE, state("itest-audit"));
        assertEquals("the module that only came in as a requirement went with it", ModuleState.AVAILABLE, state("itest-greeter"));
    }

    @Test
    public void aModuleThatFailsToStartRollsTheWholeEnableBack() {
        modules.enable(List.of("itest-client"));
        String refusal = executeFailingCommand("tessera:enable itest-greeter itest-broken");
        assertTrue(refusal, refusal.contains("module 'itest-broken'") && refusal.contains("failed to activate"));
        assertTrue(refusal, refusal.contains("itest-broken cannot start"));
        assertTrue(refusal, refusal.contains("The previous set of modules was restored") && refusal.contains("[platform.module-failed]"));
        assertEquals(ModuleState.AVAILABLE, state("itest-broken"));
        assertEquals("the module enabled in the same call was removed too", ModuleState.AVAILABLE, state("itest-greeter"));
        assertEquals(ModuleState.ACTIVE, state("itest-client"));
        assertFalse("the broken bundle is uninstalled", installed("dev.tessera.itest.broken.impl"));
        assertFalse("the greeter bundle is uninstalled", installed("dev.tessera.itest.greeter.impl"));
    }

    @Test
    public void aModuleThatCannotResolveIsRefusedWithTheResolversReason() {
        String refusal = executeFailingCommand("tessera:enable itest-unresolvable");
        assertTrue(refusal, refusal.contains("cannot resolve: missing requirement") && refusal.contains("com.example.absent"));
        assertTrue(refusal, refusal.contains("[platform.module-failed]"));
        assertEquals(ModuleState.AVAILABLE, state("itest-unresolvable"));
        assertFalse(installed("dev.tessera.itest.usurper.impl"));
    }

    @Test
    public void aSecondOwnerOfARecordTypeIsRefusedNamingBoth() {
        modules.enable(List.of("itest-greeter"));
        String refusal = executeFailingCommand("tessera:enable itest-usurper");
        assertTrue(refusal, refusal.contains("Module 'itest-usurper' claims record type 'greeting', which module 'itest-greeter' already owns"));
        assertEquals(ModuleState.AVAILABLE, state("itest-usurper"));
        assertEquals(Optional.of("itest-greeter"), ownership.ownerOf(GREETING));
        assertEquals(List.of(), ownership.conflicts());
    }

    @Test
    public void aModuleDeclaringAnEventAboutARecordTypeItDoesNotOwnIsRefusedAndSaysWhy() {
        modules.enable(List.of("itest-greeter"));
        String refusal = executeFailingCommand("tessera:enable itest-gossip");
        assertTrue(refusal, refusal.contains("Module 'itest-gossip' declares event type 'gossip.greeting.overheard'"
                + " about record type 'greeting', which module 'itest-greeter' owns"));
        assertEquals(ModuleState.AVAILABLE, state("itest-gossip"));
        assertTrue("the gossip module's events are not in the catalogue", ownership.eventTypes().stream()
                .noneMatch(d -> d.ownerModule().equals("itest-gossip")));
    }

    @Test
    public void badInputGetsOneClearLineAndChangesNothing() {
        String unknown = executeFailingCommand("tessera:enable no-such-module");
        assertTrue(unknown, unknown.contains("Unknown module 'no-such-module'") && unknown.contains("itest-greeter"));
        assertTrue(unknown, unknown.endsWith("[platform.unknown-module]"));

        modules.enable(List.of("itest-greeter"));
        String twice = executeFailingCommand("tessera:enable itest-greeter");
        assertTrue(twice, twice.contains("Module 'itest-greeter' is already enabled") && twice.contains("[platform.module-already-enabled]"));

        String notEnabled = executeFailingCommand("tessera:disable itest-client");
        assertTrue(notEnabled, notEnabled.contains("Module 'itest-client' is not enabled") && notEnabled.contains("[platform.module-not-enabled]"));

        String mixed = executeFailingCommand("tessera:disable itest-greeter no-such-module");
        assertTrue(mixed, mixed.contains("Unknown module 'no-such-module'"));
        assertEquals("a refused call changes nothing", ModuleState.ACTIVE, state("itest-greeter"));
        assertEquals(ModuleState.AVAILABLE, state("itest-client"));
    }

    @Test
    public void aViewerMayLookButNotChangeTheModules() {
        CommandResult look = tryCommandAs("tessera:modules", "viewer");
        assertEquals(null, look.failure());
        assertTrue(look.output(), look.output().contains("itest-greeter"));
        CommandResult change = tryCommandAs("tessera:enable itest-greeter", "viewer");
        // Karaf's command ACL hides a command from a user who may not run it
        assertTrue("a viewer may not enable modules: " + change, change.failure() != null
                && change.failure().contains("Command not found: tessera:enable"));
        assertEquals(ModuleState.AVAILABLE, state("itest-greeter"));
    }

    @Test
    public void onlyTheOwnerMayWriteARecordType() {
        modules.enable(List.of("itest-greeter"));
        ownership.requireOwner("itest-greeter", GREETING);
        try {
            ownership.requireOwner("itest-client", GREETING);
            fail("a module that does not own 'greeting' may not write it");
        } catch (TesseraException e) {
            assertEquals("platform.not-owner", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("module 'itest-greeter' owns it"));
        }
        modules.disable(List.of("itest-greeter"));
        try {
            ownership.requireOwner("itest-greeter", GREETING);
            fail("writes to a record type without an active owner are refused");
        } catch (TesseraException e) {
            assertEquals("platform.module-unavailable", e.code());
        }
    }

    private ModuleState state(String id) {
        ModuleInfo info = modules.module(id).orElseThrow(() -> new AssertionError("module " + id + " is not listed"));
        return info.state();
    }

    private boolean installed(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }

}
