package dev.tessera.platform.security.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The realm "karaf" as Tessera serves it: Karaf's own realm (users.properties, keys, audit) behind a first, requisite
 * {@link ThrottleLoginModule}. Ranked above Karaf's realm, so SSH, JMX, the REST API and jaas:su all log in through
 * it; Karaf's entries are read anew for every login, so etc/org.apache.karaf.jaas.cfg stays in force.
 */
final class ThrottlingRealm implements JaasRealm {
    static final String NAME = "karaf";

    private final BundleContext context;
    private final ServiceTracker<JaasRealm, JaasRealm> realms;

    ThrottlingRealm(BundleContext context) {
        this.context = context;
        this.realms = new ServiceTracker<>(context, JaasRealm.class, null);
        realms.open();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 1;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        JaasRealm karaf = null;
        for (JaasRealm realm : realms.getTracked().values()) {
            if (realm != this && NAME.equals(realm.getName()) && realm.getRank() < getRank()
                    && (karaf == null || realm.getRank() > karaf.getRank())) {
                karaf = realm;
            }
        }
        List<AppConfigurationEntry> entries = new ArrayList<>();
        Map<String, Object> options = new HashMap<>();
        options.put("org.apache.karaf.jaas.module", ThrottleLoginModule.class.getName());
        options.put("org.apache.karaf.jaas.bundle", Long.toString(context.getBundle().getBundleId()));
        options.put(BundleContext.class.getName(), context);
        entries.add(new AppConfigurationEntry("org.apache.karaf.jaas.boot.ProxyLoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUISITE, options));
        if (karaf != null) {
            entries.addAll(List.of(karaf.getEntries()));
        }
        return entries.toArray(new AppConfigurationEntry[0]);
    }

    void close() {
        realms.close();
    }
}
