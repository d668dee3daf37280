/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.novaagent.runtime.state.NtfsAclModel.ADMINS;
import static org.novaagent.runtime.state.NtfsAclModel.ENGLISH;
import static org.novaagent.runtime.state.NtfsAclModel.SYSTEM;
import static org.novaagent.runtime.state.NtfsAclModel.USERS;
import org.novaagent.api.support.RefusedPathException;
import org.novaagent.runtime.trust.nativeapi.AccountLookup;
import org.novaagent.runtime.trust.nativeapi.FakeAccounts;
import org.novaagent.runtime.trust.nativeapi.FakeSecurity;
import org.novaagent.runtime.trust.nativeapi.ProtectedDacl;

/**
 * The Windows state directory ({@code C:\ProgramData\nova-agent}) over a Windows-shaped root whose
 * NTFS ACLs live in {@link NtfsAclModel} (Linux has no ACL view): created with a DACL of SYSTEM and
 * Administrators only, owner Administrators, so what ProgramData hands down (Users may add files
 * and folders) never applies; refused, with nothing written, when it is not private (made by
 * someone else and inheriting, or granted to Users later); links refused; the SIDs named through
 * the real jnr-ffi LookupAccountSidW binding against the gcc-built stand-in playing a German
 * Windows; and the POSIX guard of a Windows-shaped root on a Linux file system.
 */
class WindowsStateFilesTests {

    @TempDir
    Path root;

    private NtfsAclModel model;
    private WindowsStateFiles state;

    @BeforeEach
    void windowsRoot() throws IOException {
        Files.createDirectories(root.resolve("Windows/System32"));
        model = NtfsAclModel.englishServer(root);
        state = WindowsStateFiles.under(root, model.guard(ENGLISH::get));
    }

    @Test
    void aNewStateDirectoryIsPrivateToSystemAndAdministratorsAndHoldsTheFiles() throws Exception {
        Path dir = root.resolve("ProgramData/nova-agent");
        assertEquals(List.of(), state.problems(), "not created yet is fine");
        state.write("requests/r1", "started\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(ADMINS, model.view(dir).getOwner().getName());
        List<String> acl = model.view(dir).getAcl().stream()
                .map(e -> e.principal().getName() + " " + e.type() + " " + e.permissions().size() + " " + EnumSet.copyOf(e.flags())).toList();
        assertEquals(List.of(SYSTEM + " ALLOW " + AclEntryPermission.values().length + " [FILE_INHERIT, DIRECTORY_INHERIT]",
                ADMINS + " ALLOW " + AclEntryPermission.values().length + " [FILE_INHERIT, DIRECTORY_INHERIT]"), acl);
        assertEquals(List.of(), state.problems());
        assertEquals(List.of(dir), model.protectedDirectories(), "marked protected once, when created");
        // what is made below inherits the private DACL, not ProgramData's
        assertEquals(List.of(SYSTEM, ADMINS), model.view(dir.resolve("requests")).getAcl().stream()
                .map(e -> e.principal().getName()).toList());
        assertEquals("started\n", new String(state.read("requests/r1", 100).orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(List.of("r1"), state.listFiles("requests"));
        assertTrue(state.delete("requests/r1"));
        assertEquals(List.of(), state.listFiles("requests"));
        assertFalse(Files.exists(root.resolve("var")), "nothing under the POSIX state directory");
    }

    @Test
    void aDirectoryMadeBySomeoneElseInheritingProgramDataIsRefusedAndNothingIsWritten() throws Exception {
        Path dir = Files.createDirectory(root.resolve("ProgramData/nova-agent"));
        List<String> problems = state.problems();
        assertEquals(List.of("state directory " + dir + " lets \\CREATOR OWNER change it [append_data, delete,"
                + " delete_child, write_acl, write_attributes, write_data, write_named_attrs, write_owner]",
                "state directory " + dir + " lets BUILTIN\\Users change it [append_data, write_attributes, write_data,"
                + " write_named_attrs]"),
                problems, "ProgramData's inherited entries, as a fresh Windows Server hands them down");
        IOException e = assertThrows(IOException.class, () -> state.write("history", new byte[] {'x'}));
        assertTrue(e.getMessage().startsWith("state directory " + dir + " is not private to the agent, nothing written"
                + " or read: state directory " + dir + " lets \\CREATOR OWNER change it"), e.getMessage());
        assertTrue(e.getMessage().contains("lets BUILTIN\\Users change it"), e.getMessage());
        assertTrue(e.getMessage().contains("fix: icacls <dir> /setowner *S-1-5-32-544"), e.getMessage());
        try (var entries = Files.list(dir)) {
            assertEquals(0, entries.count(), "nothing written");
        }
        assertThrows(IOException.class, () -> state.read("history", 100), "nothing read either");
    }

    @Test
    void writeForUsersGrantedLaterIsRefusedOnTheNextUse() throws Exception {
        state.write("history", "one\n".getBytes(StandardCharsets.UTF_8));
        Path dir = root.resolve("ProgramData/nova-agent");
        model.grant(dir, NtfsAclModel.entry(USERS, EnumSet.of(AclEntryPermission.WRITE_DATA),
                AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT));
        assertEquals(List.of("state directory " + dir + " lets BUILTIN\\Users change it [write_data]"), state.problems());
        IOException e = assertThrows(IOException.class, () -> state.write("history", "two\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("lets BUILTIN\\Users change it [write_data]"), e.getMessage());
        assertEquals("one\n", Files.readString(dir.resolve("history")), "the old file intact");
    }

    @Test
    void aSubdirectoryOpenedToUsersIsRefusedToo() throws Exception {
        state.write("requests/r1", "x".getBytes(StandardCharsets.UTF_8));
        Path requests = root.resolve("ProgramData/nova-agent/requests");
        model.grant(requests, NtfsAclModel.entry("\\Everyone", EnumSet.of(AclEntryPermission.DELETE_CHILD)));
        IOException e = assertThrows(IOException.class, () -> state.write("requests/r2", new byte[] {'y'}));
        assertTrue(e.getMessage().contains("state directory " + requests + " lets \\Everyone change it [delete_child]"),
                e.getMessage());
        assertFalse(Files.exists(requests.resolve("r2")));
    }

    @Test
    void anOwnerOtherThanSystemOrAdministratorsIsRefused() throws Exception {
        state.write("history", new byte[] {'x'});
        Path dir = root.resolve("ProgramData/nova-agent");
        model.view(dir).setOwner(new NtfsAclModel.Principal("WIN-GUEST\\alice"));
        assertEquals(List.of("state directory " + dir + " is owned by WIN-GUEST\\alice, not Administrators or SYSTEM"),
                state.problems());
    }

    @Test
    void aLinkOrJunctionOnTheWayIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("Users/Public/evil"));
        Files.createSymbolicLink(root.resolve("ProgramData/nova-agent"), elsewhere);
        RefusedPathException e = assertThrows(RefusedPathException.class,
                () -> state.write("requests/r1", new byte[] {'x'}));
        assertTrue(e.getMessage().contains("ProgramData/nova-agent' is a symbolic link"), e.getMessage());
        try (var entries = Files.list(elsewhere)) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void onAGermanWindowsTheSidsAreNamedThroughLookupAccountSidW() throws Exception {
        FakeAccounts fake = FakeAccounts.load();
        fake.fake_acct_reset();
        fake.fake_acct_german(1);
        try {
            String system = "NT-AUTORIT\u00c4T\\SYSTEM";
            String admins = "VORDEFINIERT\\Administratoren";
            NtfsAclModel german = new NtfsAclModel(Set.of(system, admins, "VORDEFINIERT\\Benutzer"), system,
                    "VORDEFINIERT\\Benutzer");
            german.programData(root.resolve("ProgramData"), system, admins);
            FakeSecurity security = FakeSecurity.load();
            security.fake_sec_reset();
            ProtectedDacl setNamedSecurityInfo = ProtectedDacl.load(FakeSecurity.library().toString());
            WindowsStateFiles files = WindowsStateFiles.under(root,
                    german.guard(AccountLookup.load(FakeAccounts.library().toString())::nameOf,
                            (d, sids) -> setNamedSecurityInfo.set(d.toString(), sids)));
            files.write("history", new byte[] {'x'});
            Path dir = root.resolve("ProgramData/nova-agent");
            assertEquals("path=" + dir + " type=1 info=0x80000004 owner=null group=null sacl=null acl=52/2"
                    + " allow S-1-5-18 flags=0x3 mask=0x1f01ff allow S-1-5-32-544 flags=0x3 mask=0x1f01ff",
                    security.fake_sec_last(), "protected DACL of SYSTEM and Administrators by SID, whatever the language");
            assertEquals("", security.fake_sec_violations());
            files.write("requests/r1", new byte[] {'y'});
            assertEquals(1, security.fake_sec_calls(), "only when the agent creates the state directory");
            assertEquals(admins, german.view(dir).getOwner().getName());
            assertEquals(List.of(system, admins), german.view(dir).getAcl().stream().map(e -> e.principal().getName()).toList());
            assertEquals(List.of(), files.problems());
            german.grant(dir, NtfsAclModel.entry("VORDEFINIERT\\Benutzer", EnumSet.of(AclEntryPermission.APPEND_DATA)));
            assertEquals(List.of("state directory " + dir + " lets VORDEFINIERT\\Benutzer change it [append_data]"),
                    files.problems(), "Users matched by its SID's German name");
            assertEquals("", fake.fake_acct_violations());
        } finally {
            fake.fake_acct_reset();
        }
    }

    @Test
    void whenTheProtectedMarkCannotBeSetTheExactDaclStillHoldsAndTheCheckStillGuards() throws Exception {
        FakeSecurity security = FakeSecurity.load();
        security.fake_sec_reset();
        security.fake_sec_fail(5); // ERROR_ACCESS_DENIED
        try {
            ProtectedDacl setNamedSecurityInfo = ProtectedDacl.load(FakeSecurity.library().toString());
            WindowsStateFiles files = WindowsStateFiles.under(root,
                    model.guard(ENGLISH::get, (d, sids) -> setNamedSecurityInfo.set(d.toString(), sids)));
            files.write("history", "one\n".getBytes(StandardCharsets.UTF_8));
            Path dir = root.resolve("ProgramData/nova-agent");
            assertEquals(List.of(SYSTEM, ADMINS), model.view(dir).getAcl().stream().map(e -> e.principal().getName()).toList());
            model.grant(dir, NtfsAclModel.entry(USERS, EnumSet.of(AclEntryPermission.WRITE_DATA)));
            assertThrows(IOException.class, () -> files.write("history", new byte[] {'x'}));
        } finally {
            security.fake_sec_reset();
        }
    }

    @Test
    void onALinuxFileSystemAWindowsShapedRootGetsThePosixRule() throws Exception {
        WindowsStateFiles posix = WindowsStateFiles.under(root);
        posix.write("requests/r1", "x".getBytes(StandardCharsets.UTF_8));
        Path dir = root.resolve("ProgramData/nova-agent");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(List.of(), posix.problems());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(List.of("state directory " + dir + " is group-writable (mode 0777)", "state directory " + dir
                + " is world-writable (mode 0777)"), posix.problems());
        IOException e = assertThrows(IOException.class, () -> posix.write("requests/r2", new byte[] {'y'}));
        assertTrue(e.getMessage().contains("is not private to the agent"), e.getMessage());
    }

    @Test
    void aDifferentlySpelledStateDirectoryOnALinuxFileSystemIsRefusedNotUsedUnchecked() throws Exception {
        Files.createDirectories(root.resolve("ProgramData/NOVA-AGENT/requests"));
        IOException e = assertThrows(IOException.class, () -> state.write("requests/r1", new byte[] {'x'}));
        assertTrue(e.getMessage().endsWith("ProgramData/nova-agent exists spelled differently; rename it to nova-agent"),
                e.getMessage());
        try (var entries = Files.list(root.resolve("ProgramData/NOVA-AGENT/requests"))) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void whatAKillLeftBehindIsRemoved() throws Exception {
        state.write("requests/r1", "x".getBytes(StandardCharsets.UTF_8));
        Path requests = root.resolve("ProgramData/nova-agent/requests");
        Files.writeString(requests.resolve(".nova-agent-0b7c.tmp"), "half");
        assertEquals(List.of("r1"), state.listFiles("requests"));
        assertEquals(1, state.removeInterruptedWrites("requests"));
        assertFalse(Files.exists(requests.resolve(".nova-agent-0b7c.tmp")));
    }
}
