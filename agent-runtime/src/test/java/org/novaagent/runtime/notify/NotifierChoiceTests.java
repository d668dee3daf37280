/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.testkit.RequiredTool;

/**
 * Which notifier {@link ServiceNotifier#fromEnvironment} picks: {@code systemd-notify} only for root with
 * {@code CAP_SYS_ADMIN} (the kernel refuses a forged sender pid otherwise) and only from its fixed
 * locations; libc (jnr-ffi) otherwise; nothing without a valid {@code NOTIFY_SOCKET}.
 */
class NotifierChoiceTests {

    private static final String ROOT = String.join("\n", "Name:\tjava", "Uid:\t0\t0\t0\t0", "Gid:\t0\t0\t0\t0",
            "CapInh:\t0000000000000000", "CapPrm:\t000001ffffffffff", "CapEff:\t000001ffffffffff",
            "CapBnd:\t000001ffffffffff", "");

    @TempDir
    Path dir;

    private static ProcStatus status(String text) {
        return ProcStatus.parse(text).orElseThrow();
    }

    @Test
    void readsUidAndCapabilities() {
        assertEquals(new ProcStatus(0, 0x1ffffffffffL, 0x1ffffffffffL), status(ROOT));
        assertTrue(status(ROOT).maySendForParent());
        assertFalse(status(ROOT.replace("Uid:\t0\t0", "Uid:\t0\t1000")).maySendForParent(), "effective uid 1000");
        assertTrue(status(ROOT.replace("Uid:\t0\t0", "Uid:\t1000\t0")).maySendForParent(), "effective uid 0");
        assertFalse(status(ROOT.replace("CapEff:\t000001ffffffffff", "CapEff:\t000001ffffdfffff")).maySendForParent(),
                "CAP_SYS_ADMIN (bit 21) not effective");
        assertFalse(status(ROOT.replace("CapBnd:\t000001ffffffffff", "CapBnd:\t000001ffffdfffff")).maySendForParent(),
                "CAP_SYS_ADMIN dropped from the bounding set");
        assertEquals(Optional.empty(), ProcStatus.parse("Name:\tjava\nUid:\t0\t0\t0\t0\n"));
        assertEquals(Optional.empty(), ProcStatus.parse(ROOT.replace("CapEff:\t000001ffffffffff", "CapEff:\tzz")));
    }

    @Test
    void readsItsOwnStatus() {
        Optional<ProcStatus> self = ProcStatus.readSelf();
        assertTrue(self.isPresent(), "/proc/self/status");
        assertEquals("root".equals(System.getProperty("user.name")), self.get().effectiveUid() == 0);
    }

    @Test
    void theCommandNeedsRootWithSysAdminAnInstalledToolAndAParent() throws Exception {
        Path tool = Files.writeString(dir.resolve("systemd-notify"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path absent = dir.resolve("absent");
        ServiceNotifier libc = SdNotify.forAddress("/run/notify").orElseThrow();
        assertTrue(SystemdNotifyCommand.find("/run/notify", libc, List.of(absent, tool), Optional.of(status(ROOT)), 4242)
                .isPresent());
        assertTrue(SystemdNotifyCommand.find("/run/notify", libc, List.of(absent), Optional.of(status(ROOT)), 4242)
                .isEmpty(), "not installed");
        assertTrue(SystemdNotifyCommand.find("/run/notify", libc, List.of(tool),
                Optional.of(status(ROOT.replace("Uid:\t0\t0", "Uid:\t0\t1000"))), 4242).isEmpty(), "not root");
        assertTrue(SystemdNotifyCommand.find("/run/notify", libc, List.of(tool), Optional.empty(), 4242)
                .isEmpty(), "no /proc");
        assertTrue(SystemdNotifyCommand.find("/run/notify", libc, List.of(tool), Optional.of(status(ROOT)), 1)
                .isEmpty(), "pid 1: systemd-notify would send from itself");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(SystemdNotifyCommand.find("/run/notify", libc, List.of(tool), Optional.of(status(ROOT)), 4242)
                .isEmpty(), "not executable");
        assertEquals(List.of(Path.of("/usr/bin/systemd-notify"), Path.of("/bin/systemd-notify")),
                SystemdNotifyCommand.LOCATIONS, "fixed locations, never PATH");
    }

    @Test
    void fromEnvironmentOnThisHost() {
        assertSame(ServiceNotifier.NONE, ServiceNotifier.fromEnvironment(Map.of()));
        assertSame(ServiceNotifier.NONE, ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "")));
        assertSame(ServiceNotifier.NONE, ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "relative/path")));
        assertSame(ServiceNotifier.NONE, ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "@")));
        assertSame(ServiceNotifier.NONE, ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "/" + "x".repeat(107))));
        ServiceNotifier chosen = ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"));
        boolean commandPossible = ProcStatus.readSelf().map(ProcStatus::maySendForParent).orElse(false)
                && SystemdNotifyCommand.LOCATIONS.stream().anyMatch(Files::isExecutable);
        if (commandPossible) {
            assertInstanceOf(SystemdNotifyCommand.class, chosen);
        } else {
            assertInstanceOf(SdNotify.class, chosen);
        }
        if ("true".equals(System.getenv("CI"))) {
            RequiredTool.requireRoot("the systemd-notify choice is made for root only");
            RequiredTool.require("/usr/bin/systemd-notify", "the choice on a systemd host");
            assertInstanceOf(SystemdNotifyCommand.class, chosen);
        }
    }
}
