package dev.tessera.platform.security.internal;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers, as soon as the bundle starts at the JAAS realm's own start level, the EncryptionService {@code tessera}
 * (etc/org.apache.karaf.jaas.cfg: encryption.name = tessera) and the throttling realm "karaf": no login and no hashing
 * of a new user's password waits for the rest of Tessera. A plain activator, so that it needs nothing else running.
 */
public final class Activator implements BundleActivator {
    private ServiceRegistration<EncryptionService> registration;
    private ServiceRegistration<JaasRealm> realmRegistration;
    private ThrottlingRealm realm;
    private LegacyUpgrade upgrade;

    @Override
    public void start(BundleContext context) {
        String etc = System.getProperty("karaf.etc", "etc");
        String prefix = System.getProperty("tessera.passwords.prefix", "{CRYPT}");
        String suffix = System.getProperty("tessera.passwords.suffix", "{CRYPT}");
        Argon2Passwords[] passwords = new Argon2Passwords[1];
        upgrade = new LegacyUpgrade(Path.of(etc, "users.properties"), prefix, suffix,
                plain -> passwords[0].encryptPassword(plain));
        passwords[0] = new Argon2Passwords(upgrade);
        Encryption encryption = passwords[0];
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("name", "tessera");
        // the realm passes its encryption.algorithm and encryption.encoding along: Argon2id takes neither
        EncryptionService service = (Map<String, String> params) -> encryption;
        registration = context.registerService(EncryptionService.class, service, properties);
        realm = new ThrottlingRealm(context);
        realmRegistration = context.registerService(JaasRealm.class, realm, new Hashtable<>());
    }

    @Override
    public void stop(BundleContext context) {
        if (realmRegistration != null) {
            realmRegistration.unregister();
            realm.close();
        }
        if (registration != null) {
            registration.unregister();
        }
        if (upgrade != null) {
            upgrade.close();
        }
    }
}
