/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.testkit.RecordingProcessRunner;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;
import org.novaagent.testkit.Unprivileged;

/**
 * Issue #19 findings 1, 2 and 5 at the handler, each played by an ordinary user (uid 65534 through
 * {@code setpriv}) who owns {@code /home/bob} in a scratch root while the host injects bob's
 * {@code authorized_keys}. Each test failed on the code before the fix (see the issue).
 */
class InjectFileAttackTests {

    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostInjectedKey host@nova\n";
    private static final String GUEST_PATH = "/home/bob/.ssh/authorized_keys";

    @TempDir
    Path scratch;
    private Path root;
    private Path bob;

    @BeforeEach
    void layOut() throws IOException {
        Unprivileged.require("the attacks are made by an ordinary user against the root agent");
        Unprivileged.traversable(scratch);
        root = Files.createDirectories(scratch.resolve("root"));
        Files.createDirectories(root.resolve("root/.ssh"));
        Files.setPosixFilePermissions(root.resolve("root"), PosixFilePermissions.fromString("rwx------"));
        Files.writeString(root.resolve("root/.ssh/authorized_keys"), "ssh-rsa ROOTS-OWN-KEY root@admin\n");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/shadow"), "root:$6$secret:19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        bob = Unprivileged.own(Files.createDirectories(root.resolve("home/bob")));
        Files.setPosixFilePermissions(bob, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private CommandResult inject(String path, String contents) throws CommandException {
        String value = Base64.getEncoder().encodeToString((path + "," + contents).getBytes(StandardCharsets.UTF_8));
        TestCommandContext ctx = TestCommandContext.builder(root).hostFacts(TestHostFacts::debian)
                .runner(new RecordingProcessRunner().failUnscripted("file injection must not run processes")).build();
        return new InjectFileCommandHandler().handle(CommandRequest.of("1", "injectfile", value), ctx);
    }

    /** Finding 2: {@code ln -s ../../root/.ssh ~/.ssh} made the inject replace root's keys. */
    @Test
    void symlinkedSshDirectoryToRootsIsRefusedAndNamedByItsRelativePath() throws Exception {
        Unprivileged.run("ln", "-s", "../../root/.ssh", bob.resolve(".ssh").toString());
        assertTrue(Files.isSymbolicLink(bob.resolve(".ssh")));

        CommandException e = org.junit.jupiter.api.Assertions.assertThrows(CommandException.class,
                () -> inject(GUEST_PATH, KEY));
        assertEquals("500", e.returnCode());
        assertTrue(e.getMessage().contains("'/home/bob/.ssh' is a symbolic link"), e.getMessage());
        assertFalse(e.getMessage().contains(root.toString()), "no resolved or host path in the message: " + e);
        assertEquals("ssh-rsa ROOTS-OWN-KEY root@admin\n", Files.readString(root.resolve("root/.ssh/authorized_keys")));
    }

    /**
     * Finding 1: a racer watching {@code ~/.ssh} with inotify swaps each new temp entry for a link
     * to {@code /etc/shadow}. Before the fix: shadow owned by the user in 10 of 10 tries.
     */
    @Test
    void inotifyRacerNeverGetsAFileOutsideItsHome() throws Exception {
        Path ssh = Unprivileged.own(Files.createDirectories(bob.resolve(".ssh")));
        Path keys = Unprivileged.own(Files.writeString(ssh.resolve("authorized_keys"), "ssh-rsa BOBS-OLD-KEY bob\n"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path shadow = root.resolve("etc/shadow");
        Path racerDir = Files.createDirectories(scratch.resolve("racer"));
        Unprivileged.traversable(racerDir);
        // ~/.ssh held the old code's temp files; the home is where a staging directory could appear now
        Process racer = Unprivileged.startRacer(racerDir, shadow, "authorized_keys", ssh, bob);
        int attempts = 40;
        try {
            for (int i = 0; i < attempts; i++) {
                try {
                    inject(GUEST_PATH, KEY);
                } catch (CommandException refused) {
                    // a refusal is a fine outcome; a success through the link is not
                }
            }
        } finally {
            racer.destroyForcibly().waitFor();
        }
        assertTrue(Unprivileged.swaps(racerDir) > 0, "the racer never raced: the test would prove nothing");
        assertEquals(0, Files.getAttribute(shadow, "unix:uid"), "etc/shadow given to the user");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(shadow)));
        assertEquals("root:$6$secret:19000:0:99999:7:::\n", Files.readString(shadow));
        try (var s = Files.list(ssh)) {
            s.filter(p -> Files.isSymbolicLink(p) && p.getFileName().toString().equals("authorized_keys"))
                    .forEach(p -> {
                        throw new AssertionError("authorized_keys was replaced by the racer's link");
                    });
        }
    }

    /** Finding 5: a sparse 3 GiB {@code authorized_keys} became 3.1 GiB of backup. */
    @Test
    void hugeSparseOldFileIsNotCopiedToTheBackup() throws Exception {
        Path ssh = Unprivileged.own(Files.createDirectories(bob.resolve(".ssh")));
        Unprivileged.run("truncate", "-s", "3G", ssh.resolve("authorized_keys").toString());
        assertEquals(3L << 30, Files.size(ssh.resolve("authorized_keys")));

        assertEquals(CommandResult.ok(), inject(GUEST_PATH, KEY));
        assertEquals(KEY, Files.readString(ssh.resolve("authorized_keys")));
        Path backup = root.resolve("var/lib/nova-agent/backup/home/bob/.ssh/authorized_keys");
        assertFalse(Files.exists(backup, LinkOption.NOFOLLOW_LINKS), "a 3 GiB file was copied to the backup");
        assertEquals(Unprivileged.ID, Files.getAttribute(ssh.resolve("authorized_keys"), "unix:uid"),
                "the replaced file keeps its owner");
    }

}
