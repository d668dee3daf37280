/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandResult;
import org.novaagent.api.ProcessResult;
import org.novaagent.network.testkit.Scenario;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.network.testkit.ScenarioRunner;
import org.novaagent.testkit.TestCommandContext;

class ResetNetworkFlowTests {

    /** One file per interface, so attach/detach and per-interface apply are visible. */
    private static final NetworkRenderer RENDERER = (config, options) -> config.interfaces().stream()
            .map(i -> new RenderedFile("etc/test-net/" + i.name() + ".conf", Headers.hashComment()
                    + "mac " + i.mac() + "\n" + String.join("\n", i.ipv4().stream().map(IpAddress::cidr).toList()) + "\n",
                    0600)).toList();
    private static final OwnedFiles OWNED = OwnedFiles.of("etc/test-net/*.conf");
    private static final Applier APPLIER = plan -> {
        List<String> cmd = new ArrayList<>(List.of("apply-net"));
        cmd.addAll(plan.writtenPaths());
        return List.of(cmd);
    };

    private final ResetNetworkFlow flow = new ResetNetworkFlow();

    @Test
    void firstRunWritesAndAppliesRepeatIsANoOp(@TempDir Path root) throws Exception {
        Scenario s = ScenarioLoader.load("dual-nic-ipv4-ipv6");
        s.writeSysfs(root);
        TestCommandContext ctx = ScenarioRunner.context(root, s);
        assertEquals(CommandResult.ok(), flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED));
        assertEquals(List.of(List.of("hostname", "web01.example.com"),
                List.of("apply-net", "etc/test-net/eth0.conf", "etc/test-net/eth1.conf")), ctx.commands());
        assertEquals("web01.example.com\n", Files.readString(root.resolve("etc/hostname")));
        assertTrue(Files.readString(root.resolve("etc/test-net/eth1.conf")).contains("10.208.227.239/19"));
        assertFalse(Files.exists(root.resolve("etc/hosts")), "/etc/hosts is off by default");

        ctx.clearCommands();
        assertEquals(CommandResult.ok(), flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED));
        assertEquals(List.of(), ctx.commands(), "identical input runs no command");
        assertFalse(Files.exists(root.resolve(FileStager.BACKUP_DIR)), "and rewrites no file");
    }

    @Test
    void applyFailureRollsBackAndReappliesOldFiles(@TempDir Path root) throws Exception {
        Scenario before = ScenarioLoader.load("detach-nic").before().orElseThrow();
        before.writeSysfs(root);
        TestCommandContext ctx = ScenarioRunner.context(root, before);
        assertEquals(CommandResult.ok(), flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED));
        String eth2 = Files.readString(root.resolve("etc/test-net/eth2.conf"));

        Scenario after = ScenarioLoader.load("detach-nic");
        after.writeSysfs(root);
        ctx.useXenStore(after.xenStore());
        ctx.clearCommands();
        ctx.runner().answer(List.of("apply-net"), new ProcessResult(1, "", "boom: cannot apply\n", true), 1);
        CommandResult r = flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED);
        assertEquals("500", r.returnCode());
        assertEquals("apply-net failed (exit 1): boom: cannot apply", r.message());
        assertEquals(eth2, Files.readString(root.resolve("etc/test-net/eth2.conf")), "removed file restored");
        assertEquals(2, ctx.commands().size(), "applied, failed, re-applied the old files");

        ctx.clearCommands();
        assertEquals(CommandResult.ok(), flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED));
        assertFalse(Files.exists(root.resolve("etc/test-net/eth2.conf")), "detached NIC's config removed");
        assertEquals(eth2, Files.readString(root.resolve(FileStager.BACKUP_DIR + "/etc/test-net/eth2.conf")));
        assertFalse(Files.exists(root.resolve("etc/test-net/eth2.conf.bak")), "no backup next to the config");
    }

    @Test
    void invalidDataAnswers500AndWritesNothing(@TempDir Path root) throws Exception {
        Scenario s = ScenarioLoader.load("single-nic-ipv4");
        s.writeSysfs(root);
        java.util.Map<String, String> xs = new java.util.LinkedHashMap<>(s.xenstore());
        xs.put("vm-data/networking/BC764E207572", "{\"ips\":[{\"ip\":\"1.2.3.4\",\"netmask\":\"255.0.255.0\"}]}");
        Scenario bad = new Scenario("bad", xs, s.nics(), java.util.Optional.empty());
        TestCommandContext ctx = ScenarioRunner.context(root, bad);
        CommandResult r = flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED);
        assertEquals("500", r.returnCode());
        assertTrue(r.message().contains("vm-data/networking/BC764E207572: field 'ips[0].netmask'"), r.message());
        assertFalse(Files.exists(root.resolve("etc")), "nothing written, not even the hostname");
        assertEquals(List.of(), ctx.commands());
    }

    @Test
    void dryRunShowsDiffAndCommandsWithoutWriting(@TempDir Path root) throws Exception {
        Scenario s = ScenarioLoader.load("single-nic-ipv4");
        s.writeSysfs(root);
        TestCommandContext ctx = ScenarioRunner.context(root, s)
                .dryRun(true);
        CommandResult r = flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED);
        assertEquals("0", r.returnCode());
        assertTrue(r.message().contains("+++ b/etc/test-net/eth0.conf\n"), r.message());
        assertTrue(r.message().contains("+++ b/etc/hostname\n@@ -0,0 +1,1 @@\n+web01\n"), r.message());
        assertTrue(r.message().endsWith("# would run: hostname web01\n# would run: apply-net etc/test-net/eth0.conf\n"),
                r.message());
        assertFalse(Files.exists(root.resolve("etc")));
        assertEquals(List.of(), ctx.commands());
    }

    @Test
    void hostnamectlIsPreferredAndEtcHostsManagedOnRequest(@TempDir Path root) throws Exception {
        Scenario s = ScenarioLoader.load("single-nic-ipv4");
        s.writeSysfs(root);
        Path bin = Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(bin.resolve("hostnamectl"), "#!/bin/sh\n");
        bin.resolve("hostnamectl").toFile().setExecutable(true);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1\tlocalhost\n127.0.1.1\told\n::1\tlocalhost\n");
        TestCommandContext ctx = ScenarioRunner.context(root, s)
                .putSetting(HostnameWriter.MANAGE_HOSTS_SETTING, "true");
        assertEquals(CommandResult.ok(), flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED));
        assertEquals(List.of("hostnamectl", "set-hostname", "web01"), ctx.commands().get(0));
        assertEquals("127.0.0.1\tlocalhost\n127.0.1.1\tweb01\t" + HostnameWriter.HOSTS_MARKER + "\n::1\tlocalhost\n",
                Files.readString(root.resolve("etc/hosts")));
    }

    @Test
    void anInvalidHostnameIsAdjustedAndNamedAndTheNetworkStillApplied(@TempDir Path root) throws Exception {
        Scenario s = ScenarioLoader.load("single-nic-ipv4");
        s.writeSysfs(root);
        java.util.Map<String, String> xs = new java.util.LinkedHashMap<>(s.xenstore());
        xs.put("vm-data/hostname", "RESCUE-" + "x".repeat(60));
        TestCommandContext ctx = ScenarioRunner.context(root, new Scenario("rescue", xs, s.nics(), java.util.Optional.empty()));
        CommandResult r = flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED);
        String expected = "RESCUE-" + "x".repeat(56);
        assertEquals(CommandResult.ok("vm-data/hostname 'RESCUE-" + "x".repeat(60) + "' adjusted: hostname set to '"
                + expected + "' (labels cut to 63 characters)"), r);
        assertEquals(expected + "\n", Files.readString(root.resolve("etc/hostname")));
        assertEquals(List.of(List.of("hostname", expected), List.of("apply-net", "etc/test-net/eth0.conf")), ctx.commands());

        ctx.dryRun(true);
        CommandResult dry = flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED);
        assertTrue(dry.message().startsWith("# note: vm-data/hostname 'RESCUE-"), dry.message());
    }

    @Test
    void anUnusableHostnameLeavesTheOldOneAndTheNetworkIsStillApplied(@TempDir Path root) throws Exception {
        Scenario s = ScenarioLoader.load("single-nic-ipv4");
        s.writeSysfs(root);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hostname"), "old-name\n");
        java.util.Map<String, String> xs = new java.util.LinkedHashMap<>(s.xenstore());
        xs.put("vm-data/hostname", "\u65e5\u672c_");
        TestCommandContext ctx = ScenarioRunner.context(root, new Scenario("cjk", xs, s.nics(), java.util.Optional.empty()));
        CommandResult r = flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OWNED);
        assertEquals("0", r.returnCode());
        assertTrue(r.message().startsWith("vm-data/hostname '\\u65e5\\u672c_' adjusted: hostname left unchanged"), r.message());
        assertEquals("old-name\n", Files.readString(root.resolve("etc/hostname")));
        assertEquals(List.of(List.of("apply-net", "etc/test-net/eth0.conf")), ctx.commands());
    }
}
