package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.ProfileManager;
import dev.tessera.platform.api.ProfilePlan;
import dev.tessera.platform.api.TesseraException;

/**
 * Business profiles over the test modules: plans with unavailable and required modules, apply as one operation (a
 * module that fails puts everything back), no unrelated bundle restarts, data kept across profiles, and the demo
 * company loaded twice without duplicates.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProfilesIT extends RestTestSupport {
    private static final String PROFILES = "etc/dev.tessera.profiles.cfg";

    @Inject
    private FeaturesService features;

    @Inject
    private ProfileManager profiles;

    @Inject
    private ModuleManager modules;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = withUsers(super.config());
        options.add(editConfigurationFilePut(PROFILES, "itest-shop", "itest-greeter, itest-notes, erp-nowhere"));
        options.add(editConfigurationFilePut(PROFILES, "itest-agency", "itest-audit, itest-client"));
        options.add(editConfigurationFilePut(PROFILES, "itest-broken", "itest-notes, itest-broken"));
        options.add(editConfigurationFilePut(PROFILES, "itest-books", "erp-ledger, erp-inventory"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void profilesFollowEachOtherExactlyKeepDataAndRollBackAFailure() throws Exception {
        addTestModules(features);
        ProfilePlan shop = profiles.plan("itest-shop", false);
        assertEquals(List.of("erp-nowhere"), shop.unavailable());
        assertTrue(shop.enable().containsAll(List.of("itest-greeter", "itest-notes")));

        List<String> outside = recordBundleEventsOutside("dev.tessera.itest", () ->
                profiles.apply("itest-shop", false, line -> { }));
        assertEquals(Set.of("itest-greeter", "itest-notes"), enabled());
        // (modules another test of this class enabled are disabled here: their bundles may stop)
        assertTrue("no bundle outside the modules restarted: " + outside, outside.stream()
                .filter(e -> !e.startsWith("dev.tessera.erp."))
                .noneMatch(e -> e.endsWith("STOPPED") || e.endsWith("UPDATED") || e.endsWith("UNRESOLVED")));
        callService("dev.tessera.itest.notes.api.NoteService", "create", "kept across profiles");

        ProfilePlan agency = profiles.plan("itest-agency", false);
        assertEquals(List.of("itest-notes"), agency.disable());
        assertEquals(Map.of("itest-greeter", "required by itest-audit"), agency.kept());
        assertTrue(agency.notes().toString(), agency.notes().get(0).contains("itest-notes: its records (note)"));
        profiles.apply("itest-agency", false, line -> { });
        assertEquals(Set.of("itest-greeter", "itest-audit", "itest-client"), enabled());

        try {
            profiles.apply("itest-broken", false, line -> { });
            fail("a profile with a failing module was applied");
        } catch (TesseraException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("was not applied") && e.getMessage().contains("itest-broken"));
        }
        assertEquals("the enabled set is back as it was", Set.of("itest-greeter", "itest-audit", "itest-client"), enabled());

        profiles.apply("itest-shop", false, line -> { });
        assertEquals(Set.of("itest-greeter", "itest-notes"), enabled());
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) callService("dev.tessera.itest.notes.api.NoteService", "texts");
        assertTrue(texts.toString(), texts.contains("kept across profiles"));
    }

    @Test
    public void theConsoleAndRestShowPlansAndTheDemoCompanyLoadsOnce() throws Exception {
        addTestModules(features);
        String listed = executeCommand("tessera:profiles");
        assertTrue(listed, listed.contains("itest-shop") && listed.contains("erp-nowhere") && listed.contains("manufacturer"));
        String plan = executeCommand("tessera:profile-plan --keep-others itest-books");
        assertTrue(plan, plan.contains("enable:") && plan.contains("erp-ledger"));
        HttpResponse<String> rest = await(post("/platform/profiles/itest-books/plan?keepOthers=true", VIEWER));
        assertEquals(rest.body(), 200, rest.statusCode());
        assertTrue(rest.body(), rest.body().contains("\"enable\":[\"erp-inventory\",\"erp-ledger\"]"));
        assertEquals(404, send(post("/platform/profiles/nope/plan", VIEWER)).statusCode());

        String first = executeCommand("tessera:demo itest-books");
        assertTrue(first, first.contains("erp-ledger: 6 posted entries") && first.contains("erp-inventory: warehouse DEMO"));
        String again = executeCommand("tessera:demo itest-books");
        assertTrue(again, again.contains("nothing to change"));
        assertEquals("loading twice adds nothing", 6, count("SELECT COUNT(*) FROM LDG_ENTRY WHERE SOURCE_MODULE = 'demo'"));
        assertEquals(3, count("SELECT COUNT(*) FROM INV_MOVE WHERE REFERENCE = 'demo opening stock'"));
    }

    private Set<String> enabled() {
        return modules.modules().stream().filter(ModuleInfo::enabled).map(ModuleInfo::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

}
