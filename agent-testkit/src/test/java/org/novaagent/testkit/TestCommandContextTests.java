/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.ProcessResult;

class TestCommandContextTests {

    @TempDir
    Path root;

    @Test
    void defaultsAreAScratchDebianRootWithARecordingRunner() throws Exception {
        TestCommandContext ctx = TestCommandContext.of(root);
        assertEquals(root, ctx.root());
        assertFalse(ctx.liveSystem());
        assertEquals(TestHostFacts.debian(root), ctx.hostFacts());
        assertEquals(Clock.systemUTC(), ctx.clock());
        assertEquals(Optional.empty(), ctx.setting("password.user"));
        assertEquals(List.of(), ctx.xenStore().list("vm-data/networking"));
        assertSame(ctx.runner(), ctx.processes());
        assertEquals(0, ctx.processes().run("ifup", "eth0").exitCode());
        assertEquals(List.of(List.of("ifup", "eth0")), ctx.commands());
        ctx.clearCommands();
        assertEquals(List.of(), ctx.commands());
        assertEquals(root.resolve("etc/hostname"), ctx.resolve("/etc/hostname"));
    }

    @Test
    void builderSetsEveryCapability() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC);
        RecordingProcessRunner runner = new RecordingProcessRunner().otherwise(ProcessResult.notExecuted());
        TestCommandContext ctx = TestCommandContext.builder(root).hostFacts(TestHostFacts::rhel).live(true)
                .clock(fixed).runner(runner).setting("password.user", "cloud-user")
                .xenStoreEntry("vm-data/hostname", "web1").build();
        assertEquals("rhel", ctx.hostFacts().osId());
        assertTrue(ctx.liveSystem());
        assertSame(fixed, ctx.clock());
        assertSame(runner, ctx.runner());
        assertEquals(ProcessResult.notExecuted(), ctx.processes().run("nmcli"));
        assertEquals(Optional.of("cloud-user"), ctx.setting("password.user"));
        assertEquals(Optional.of("web1"), ctx.xenStore().read("vm-data/hostname"));
    }

    @Test
    void factsMustDescribeTheContextsRoot(@TempDir Path other) {
        assertThrows(IllegalArgumentException.class,
                () -> TestCommandContext.builder(root).hostFacts(TestHostFacts.debian(other)));
    }

    @Test
    void xenStoreAndSettingsCanChangeBetweenCalls() throws Exception {
        TestCommandContext ctx = TestCommandContext.of(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", "{}");
        ctx.xenStoreData().put("vm-data/networking/AA", "{}");
        assertEquals(List.of("AA", "BC764E207572"), ctx.xenStore().list("vm-data/networking"), "sorted by key");
        ctx.xenStoreData().remove("vm-data/networking/AA");
        assertEquals(List.of("BC764E207572"), ctx.xenStore().list("vm-data/networking"));
        ctx.useXenStore(MapXenStoreView.unavailable("gone"));
        assertThrows(IOException.class, () -> ctx.xenStore().read("vm-data/hostname"));

        assertSame(ctx, ctx.putSetting("network.manage-etc-hosts", "true"));
        assertEquals(Optional.of("true"), ctx.setting("network.manage-etc-hosts"));
        ctx.putSetting("network.manage-etc-hosts", null);
        assertEquals(Optional.empty(), ctx.setting("network.manage-etc-hosts"));
    }

    @Test
    void writesFilesToolsAndNicsUnderTheRoot() throws Exception {
        TestCommandContext ctx = TestCommandContext.of(root).file("/etc/network/interfaces", "auto lo\n")
                .tool("/usr/sbin/ifup").nic("eth0", "bc:76:4e:20:75:72");
        assertEquals("auto lo\n", Files.readString(root.resolve("etc/network/interfaces")));
        assertEquals(Optional.of("/usr/sbin/ifup"), ctx.hostFacts().which("ifup"));
        assertEquals("bc:76:4e:20:75:72\n", Files.readString(root.resolve("sys/class/net/eth0/address")));
        assertEquals("1\n", Files.readString(root.resolve("sys/class/net/eth0/type")));
    }

    @Test
    void sharedStateIsOneInstancePerClassAndFactoriesMayNest() {
        TestCommandContext ctx = TestCommandContext.of(root);
        AtomicInteger made = new AtomicInteger();
        StringBuilder first = ctx.sharedState(StringBuilder.class, () -> {
            made.incrementAndGet();
            ctx.sharedState(AtomicInteger.class, AtomicInteger::new);
            return new StringBuilder();
        });
        assertSame(first, ctx.sharedState(StringBuilder.class, StringBuilder::new));
        assertEquals(1, made.get());
        assertNotSame(ctx.sharedState(StringBuilder.class, StringBuilder::new),
                TestCommandContext.of(root).sharedState(StringBuilder.class, StringBuilder::new), "per context");
    }

    @Test
    void anotherRunnerHasNoRecording() throws Exception {
        TestCommandContext ctx = TestCommandContext.builder(root)
                .processes((command, stdin, timeout) -> ProcessResult.notExecuted()).build();
        assertEquals(ProcessResult.notExecuted(), ctx.processes().run("true"));
        assertThrows(IllegalStateException.class, ctx::commands);
    }
}
