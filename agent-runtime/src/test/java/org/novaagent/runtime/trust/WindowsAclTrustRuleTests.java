/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust;

import static java.nio.file.attribute.AclEntryPermission.APPEND_DATA;
import static java.nio.file.attribute.AclEntryPermission.DELETE_CHILD;
import static java.nio.file.attribute.AclEntryPermission.EXECUTE;
import static java.nio.file.attribute.AclEntryPermission.READ_ACL;
import static java.nio.file.attribute.AclEntryPermission.READ_ATTRIBUTES;
import static java.nio.file.attribute.AclEntryPermission.READ_DATA;
import static java.nio.file.attribute.AclEntryPermission.SYNCHRONIZE;
import static java.nio.file.attribute.AclEntryPermission.WRITE_ACL;
import static java.nio.file.attribute.AclEntryPermission.WRITE_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.plugin.PluginDirectoryPolicy;
import org.novaagent.runtime.trust.StrictModes.Kind;
import org.novaagent.runtime.trust.nativeapi.AccountLookup;
import org.novaagent.runtime.trust.nativeapi.FakeAccounts;
import org.novaagent.testkit.TestHostFacts;

/**
 * The Windows plugins-directory rule over ACLs shaped like the ones {@code icacls} shows on
 * Windows Server (principal names as the JDK's Windows provider formats them: {@code domain\name}
 * from LookupAccountSidW, {@code \Everyone}, or the SID string for an unmapped SID). No ACL view
 * exists on Linux, so the views here are in-memory {@link AclFileAttributeView}s; the well-known
 * SIDs are named by a map of the English names, or by the real jnr-ffi binding against the
 * LookupAccountSidW stand-in playing a German Windows. The real provider remains unproven.
 */
class WindowsAclTrustRuleTests {

    @TempDir
    Path dir;

    private record Principal(String getName) implements GroupPrincipal {
    }

    private static final class View implements AclFileAttributeView {
        UserPrincipal owner;
        List<AclEntry> acl = new ArrayList<>();

        View(String owner) {
            this.owner = new Principal(owner);
        }

        View allow(String who, Set<AclEntryPermission> perms, AclEntryFlag... flags) {
            acl.add(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(new Principal(who))
                    .setPermissions(perms).setFlags(flags).build());
            return this;
        }

        @Override public String name() { return "acl"; }
        @Override public UserPrincipal getOwner() { return owner; }
        @Override public void setOwner(UserPrincipal o) { owner = o; }
        @Override public List<AclEntry> getAcl() { return List.copyOf(acl); }
        @Override public void setAcl(List<AclEntry> a) throws IOException { throw new IOException("read-only"); }
    }

    private static final Set<AclEntryPermission> READ_EXECUTE =
            EnumSet.of(READ_DATA, READ_ATTRIBUTES, READ_ACL, EXECUTE, SYNCHRONIZE);
    private static final Set<AclEntryPermission> FULL = EnumSet.allOf(AclEntryPermission.class);

    /** What LookupAccountSidW answers on an English Windows Server. */
    private static final Map<String, String> ENGLISH = Map.of("S-1-5-18", "NT AUTHORITY\\SYSTEM",
            "S-1-5-32-544", "BUILTIN\\Administrators", "S-1-5-32-545", "BUILTIN\\Users", "S-1-5-32-546",
            "BUILTIN\\Guests", "S-1-1-0", "\\Everyone", "S-1-5-11", "NT AUTHORITY\\Authenticated Users", "S-1-5-4",
            "NT AUTHORITY\\INTERACTIVE", WellKnownAccount.TRUSTED_INSTALLER.sid(), "NT SERVICE\\TrustedInstaller");

    private final Map<Path, AclFileAttributeView> views = new HashMap<>();
    private final List<String> named = new ArrayList<>();
    private final WindowsAclTrustRule rule = new WindowsAclTrustRule(views::get, sid -> {
        named.add(sid);
        return ENGLISH.get(sid);
    });

    /** What the install script sets: owner Administrators, inheritance off, Users read and execute. */
    private static View installed() {
        return new View("BUILTIN\\Administrators").allow("NT AUTHORITY\\SYSTEM", FULL)
                .allow("BUILTIN\\Administrators", FULL).allow("BUILTIN\\Users", READ_EXECUTE)
                .allow("CREATOR OWNER", FULL, AclEntryFlag.INHERIT_ONLY, AclEntryFlag.FILE_INHERIT);
    }

    @Test
    void theInstalledAclIsTrusted() {
        views.put(dir, installed());
        assertEquals(List.of(), rule.problems(dir, Kind.PLUGINS_DIR));
        views.put(dir, new View("NT AUTHORITY\\SYSTEM").allow("\\Everyone", READ_EXECUTE));
        assertEquals(List.of(), rule.problems(dir, Kind.PLUGINS_DIR));
    }

    @Test
    void anOwnerOtherThanAdministratorsOrSystemIsRefused() {
        views.put(dir, new View("WIN-GUEST\\alice").allow("BUILTIN\\Administrators", FULL));
        assertEquals(List.of("plugins directory " + dir + " is owned by WIN-GUEST\\alice, not Administrators, SYSTEM or TrustedInstaller"),
                rule.problems(dir, Kind.PLUGINS_DIR));
    }

    @Test
    void writeOrModifyForUsersAuthenticatedUsersOrEveryoneIsRefused() {
        for (String who : List.of("BUILTIN\\Users", "NT AUTHORITY\\Authenticated Users", "\\Everyone",
                "NT AUTHORITY\\INTERACTIVE", "BUILTIN\\Guests", "S-1-5-32-545")) {
            for (AclEntryPermission p : WindowsAclTrustRule.CHANGING) {
                views.put(dir, installed().allow(who, EnumSet.of(READ_DATA, p)));
                List<String> problem = rule.problems(dir, Kind.PLUGINS_DIR);
                assertTrue(problem.size() == 1 && problem.get(0).contains("lets " + who + " change it"), who + " " + p);
            }
        }
        views.put(dir, installed().allow("BUILTIN\\Users", EnumSet.of(WRITE_DATA, APPEND_DATA)));
        assertEquals(List.of("plugins directory " + dir + " lets BUILTIN\\Users change it [append_data, write_data]"),
                rule.problems(dir, Kind.PLUGINS_DIR));
    }

    @Test
    void inheritOnlyWriteForUsersIsRefusedToo() {
        views.put(dir, installed().allow("BUILTIN\\Users", EnumSet.of(WRITE_DATA), AclEntryFlag.INHERIT_ONLY,
                AclEntryFlag.FILE_INHERIT));
        assertEquals(1, rule.problems(dir, Kind.PLUGINS_DIR).size());
    }

    @Test
    void otherPrincipalsAndDenyEntriesDoNotCount() {
        View v = installed().allow("WIN-GUEST\\backup-operator", EnumSet.of(WRITE_ACL, DELETE_CHILD));
        v.acl.add(AclEntry.newBuilder().setType(AclEntryType.DENY).setPrincipal(new Principal("\\Everyone"))
                .setPermissions(FULL).build());
        views.put(dir, v);
        assertEquals(List.of(), rule.problems(dir, Kind.PLUGINS_DIR));
    }

    @Test
    void aGermanWindowsAclIsJudgedByTheSidsBehindItsNames() {
        FakeAccounts fake = FakeAccounts.load();
        fake.fake_acct_reset();
        fake.fake_acct_german(1);
        WindowsAclTrustRule german = new WindowsAclTrustRule(views::get,
                AccountLookup.load(FakeAccounts.library().toString())::nameOf);
        views.put(dir, new View("VORDEFINIERT\\Administratoren").allow("NT-AUTORIT\u00c4T\\SYSTEM", FULL)
                .allow("VORDEFINIERT\\Administratoren", FULL).allow("VORDEFINIERT\\Benutzer", READ_EXECUTE));
        assertEquals(List.of(), german.problems(dir, Kind.PLUGINS_DIR));
        views.put(dir, new View("NT SERVICE\\TrustedInstaller").allow("\\Jeder", EnumSet.of(WRITE_DATA))
                .allow("NT-AUTORIT\u00c4T\\Authentifizierte Benutzer", EnumSet.of(DELETE_CHILD)));
        assertEquals(List.of("plugins directory " + dir + " lets \\Jeder change it [write_data]",
                "plugins directory " + dir + " lets NT-AUTORIT\u00c4T\\Authentifizierte Benutzer change it [delete_child]"),
                german.problems(dir, Kind.PLUGINS_DIR), "the English-name rule let both through");
        views.put(dir, new View("BUILTIN\\Administrators"));
        assertEquals(List.of("plugins directory " + dir + " is owned by BUILTIN\\Administrators, not Administrators,"
                + " SYSTEM or TrustedInstaller"), german.problems(dir, Kind.PLUGINS_DIR),
                "no account has that name on a German Windows");
        assertEquals("", fake.fake_acct_violations());
        fake.fake_acct_reset();
    }

    @Test
    void aLocalAccountNamedLikeAWellKnownOneIsNotTrusted() {
        views.put(dir, new View("WIN-GUEST\\Administrators"));
        assertEquals(1, rule.problems(dir, Kind.PLUGINS_DIR).size());
        views.put(dir, new View("WIN-GUEST\\SYSTEM"));
        assertEquals(1, rule.problems(dir, Kind.PLUGINS_DIR).size());
    }

    @Test
    void unmappedSidStringsAndTrustedInstallerAreRecognised() {
        views.put(dir, new View("S-1-5-32-544").allow("S-1-1-0", EnumSet.of(APPEND_DATA)));
        assertEquals(List.of("plugins directory " + dir + " lets S-1-1-0 change it [append_data]"),
                rule.problems(dir, Kind.PLUGINS_DIR));
        views.put(dir, new View("nt service\\trustedinstaller"));
        assertEquals(List.of(), rule.problems(dir, Kind.PLUGINS_DIR), "names compare ignoring case, as Windows does");
        assertEquals(WellKnownAccount.values().length, named.size(), "each SID named once: " + named);
    }

    @Test
    void whenTheSidsCannotBeNamedEveryPathIsRefused() {
        views.put(dir, installed());
        WindowsAclTrustRule unnamed = new WindowsAclTrustRule(views::get, sid -> {
            throw new IOException("LookupAccountSidW(" + sid + "): Win32 error 1789 (1789)");
        });
        assertEquals(List.of("cannot check the Windows ACL of plugins directory " + dir + ": the well-known accounts"
                + " cannot be named (LookupAccountSidW(S-1-5-18): Win32 error 1789 (1789))"),
                unnamed.problems(dir, Kind.PLUGINS_DIR));
    }

    @Test
    void noAclViewMeansRefusedNotTrusted() {
        List<String> p = new WindowsAclTrustRule().problems(dir, Kind.PLUGINS_DIR);
        assertEquals(List.of("cannot read the Windows ACL of plugins directory " + dir
                + ": its file system has no ACL view"), p);
    }

    @Test
    void thePolicyForAWindowsTargetUsesTheAclRuleForTheDirectoryAndEachJar() {
        Path jar = dir.resolve("p.jar");
        Path good = dir.resolve("q.jar");
        views.put(dir, installed());
        views.put(jar, new View("WIN-GUEST\\alice"));
        views.put(good, installed());
        PluginDirectoryPolicy.Vetted v = new PluginDirectoryPolicy(false, false, rule).vet(dir, List.of(jar, good));
        assertEquals(List.of(good), v.jars());
        assertEquals(List.of("plugin jar " + jar + " is owned by WIN-GUEST\\alice, not Administrators, SYSTEM or TrustedInstaller; not loaded"),
                v.problems());
        views.put(dir, new View("\\Everyone"));
        v = new PluginDirectoryPolicy(false, false, rule).vet(dir, List.of(good));
        assertEquals(List.of(), v.jars());
        assertTrue(v.problems().get(0).endsWith("so no jar of it is loaded (fix: " + rule.fix() + ")"), v.problems().toString());
        assertTrue(TrustRule.forHost(TestHostFacts.windows(dir)) instanceof WindowsAclTrustRule);
        assertTrue(TrustRule.forHost(TestHostFacts.debian(dir)) instanceof StrictModes);
        assertTrue(TrustRule.forJvm("Windows Server 2022") instanceof WindowsAclTrustRule);
        assertTrue(TrustRule.forJvm("Linux") instanceof StrictModes);
    }
}
