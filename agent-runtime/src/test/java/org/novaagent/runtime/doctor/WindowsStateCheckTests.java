/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.state.NtfsAclModel;
import org.novaagent.runtime.state.WindowsStateFiles;

/**
 * {@code doctor}'s host check of the Windows state directory over the NTFS ACL model: ok before it
 * exists and once the agent made it private; a fail naming Users, the consequence and the icacls fix
 * when Users may write it.
 */
class WindowsStateCheckTests {

    @TempDir
    Path root;

    @Test
    void privateIsOkUsersWriteFailsWithTheFix() throws Exception {
        Files.createDirectories(root.resolve("Windows/System32"));
        NtfsAclModel acls = NtfsAclModel.englishServer(root);
        WindowsStateFiles state = WindowsStateFiles.under(root, acls.guard(NtfsAclModel.ENGLISH::get));
        Path nova = root.resolve("ProgramData/nova-agent");
        assertEquals(Finding.ok("host", nova + " not created yet (created private on the first request)"),
                HostCheck.windowsStateDirectory(state));
        state.write("history", new byte[0]);
        assertEquals(Finding.ok("host", nova + " private to the agent"), HostCheck.windowsStateDirectory(state));
        acls.grant(nova, NtfsAclModel.entry(NtfsAclModel.USERS, EnumSet.of(AclEntryPermission.WRITE_DATA),
                AclEntryFlag.DIRECTORY_INHERIT));
        Finding f = HostCheck.windowsStateDirectory(state);
        assertEquals(Finding.Level.FAIL, f.level());
        assertEquals("state directory " + nova + " lets BUILTIN\\Users change it [write_data] (the request journal and"
                + " history are not written)", f.message());
        assertTrue(f.fix().startsWith("icacls <dir> /setowner *S-1-5-32-544 /T, then icacls <dir> /inheritance:r"), f.fix());
    }
}
