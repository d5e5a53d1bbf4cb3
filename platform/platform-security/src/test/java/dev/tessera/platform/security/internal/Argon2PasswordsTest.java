package dev.tessera.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Argon2PasswordsTest {
    private final List<String> upgraded = new ArrayList<>();
    private final Argon2Passwords passwords = new Argon2Passwords((legacy, plain) -> upgraded.add(legacy));

    @Test
    void aHashIsSaltedSoTheSamePasswordNeverHashesAlikeAndStillChecks() {
        String first = passwords.encryptPassword("correct horse");
        String second = passwords.encryptPassword("correct horse");
        assertNotEquals(first, second);
        assertTrue(first.startsWith("argon2id$19456$2$1$") && !first.contains(","), first);
        assertTrue(passwords.checkPassword("correct horse", first));
        assertTrue(passwords.checkPassword("correct horse", second));
        assertFalse(passwords.checkPassword("correct horsf", first));
        assertFalse(passwords.checkPassword("", first));
    }

    @Test
    void anOldUnsaltedSha256HashStillLetsItsUserInAndIsHandedOverForUpgrade() {
        String legacy = Argon2Passwords.sha256Hex("secret");
        assertTrue(passwords.checkPassword("secret", legacy.toUpperCase()));
        assertFalse(passwords.checkPassword("Secret", legacy));
        assertEquals(List.of(legacy.toUpperCase()), upgraded, "only the matching login upgrades");
    }

    @Test
    void malformedOrForeignStoredValuesNeverMatch() {
        assertFalse(passwords.checkPassword("x", "plaintext"));
        assertFalse(passwords.checkPassword("x", "argon2id$1$1$1$AAAA$AAAA"));
        assertFalse(passwords.checkPassword("x", "argon2id$19456$2$1$!!!$AAAA"));
        assertFalse(passwords.checkPassword("x", "argon2id$19456$2"));
        assertFalse(passwords.checkPassword(null, passwords.encryptPassword("x")));
    }

    @Test
    void theUpgradeReplacesOnlyTheOldHashAndKeepsRolesGroupsAndComments(@TempDir Path etc) throws Exception {
        String legacy = Argon2Passwords.sha256Hex("secret");
        Path users = etc.resolve("users.properties");
        Files.writeString(users, "# Tessera users\nalice = {CRYPT}" + legacy + "{CRYPT},_g_:admingroup\n"
                + "bob = {CRYPT}" + Argon2Passwords.sha256Hex("other") + "{CRYPT},viewer\n"
                + "_g_\\:admingroup = group,admin,viewer\n");
        LegacyUpgrade upgrade = new LegacyUpgrade(users, "{CRYPT}", "{CRYPT}", passwords::encryptPassword);
        assertTrue(upgrade.upgrade(legacy, "secret"));
        List<String> lines = Files.readAllLines(users);
        assertEquals("# Tessera users", lines.get(0));
        assertTrue(lines.get(1).startsWith("alice = {CRYPT}argon2id$") && lines.get(1).endsWith("{CRYPT},_g_:admingroup"),
                lines.get(1));
        String stored = lines.get(1).substring("alice = {CRYPT}".length(), lines.get(1).indexOf("{CRYPT},"));
        assertTrue(passwords.checkPassword("secret", stored));
        assertTrue(lines.get(2).contains(Argon2Passwords.sha256Hex("other")), "bob keeps his until he logs in");
        assertEquals("_g_\\:admingroup = group,admin,viewer", lines.get(3));
        assertFalse(upgrade.upgrade(legacy, "secret"), "nothing left to upgrade");
        upgrade.close();
    }
}
