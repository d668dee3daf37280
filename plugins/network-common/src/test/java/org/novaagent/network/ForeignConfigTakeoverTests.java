/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

/**
 * The takeover mechanism with a test detector over a toy format: disabled lines get the marker,
 * removed files go, restorable originals are kept once under {@code backup/taken-over}, 2.x's are
 * not, a repeat changes nothing, a failed apply restores every foreign file, the dry run shows it
 * all and writes nothing, and the cloud-init drop-in appears only where cloud-init is installed.
 */
class ForeignConfigTakeoverTests {

    private static final NetworkRenderer RENDERER = (config, options) -> config.interfaces().stream()
            .map(i -> new RenderedFile("etc/net/ours-" + i.name(), Headers.hashComment() + i.name() + "\n", 0644)).toList();
    private static final Applier APPLIER = plan -> {
        List<String> cmd = new ArrayList<>(List.of("apply-net"));
        cmd.addAll(plan.takenOver().stream().sorted().toList());
        return List.of(cmd);
    };
    private static final String CLOUD = "# written by cloud-init\nup eth0 dhcp\nup eth9 dhcp\n";
    private static final String LEGACY = "up eth1 old-address\n";
    private static final String OPERATOR = "eth0 operator\n";

    /** cloud.conf: lines naming eth0 disabled; legacy.conf (2.x) and eth0.conf (operator) removed; ours replaces. */
    private static final ForeignConfigDetector DETECTOR = (config, stager) -> {
        List<ForeignConfig> out = new ArrayList<>();
        stager.read("etc/net/cloud.conf").filter(c -> c.lines().anyMatch(l -> l.startsWith("up eth0")))
                .ifPresent(c -> out.add(ForeignConfig.disable("etc/net/cloud.conf", ForeignConfig.CLOUD_INIT, List.of("eth0"),
                        c.replace("up eth0", ForeignConfigTakeover.DISABLED + "up eth0"))));
        stager.read("etc/net/legacy.conf").ifPresent(c ->
                out.add(ForeignConfig.remove("etc/net/legacy.conf", ForeignConfig.NOVA_AGENT_2X, List.of("eth1"))));
        stager.read("etc/net/eth0.conf").ifPresent(c ->
                out.add(ForeignConfig.remove("etc/net/eth0.conf", ForeignConfig.OTHER, List.of("eth0"))));
        stager.read("etc/net/ours-eth1").filter(c -> !Headers.isOurs(c)).ifPresent(c ->
                out.add(ForeignConfig.replace("etc/net/ours-eth1", ForeignConfig.OTHER, List.of("eth1"))));
        return out;
    };

    private final ResetNetworkFlow flow = new ResetNetworkFlow();

    private static TestCommandContext prepare(Path root) throws Exception {
        Scenario s = ScenarioLoader.load("dual-nic-ipv4-ipv6");
        s.writeSysfs(root);
        Files.createDirectories(root.resolve("etc/net"));
        Files.writeString(root.resolve("etc/net/cloud.conf"), CLOUD);
        Files.setPosixFilePermissions(root.resolve("etc/net/cloud.conf"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(root.resolve("etc/net/legacy.conf"), LEGACY);
        Files.writeString(root.resolve("etc/net/eth0.conf"), OPERATOR);
        Files.writeString(root.resolve("etc/net/ours-eth1"), "installer eth1\n");
        Files.createDirectories(root.resolve("etc/cloud/cloud.cfg.d"));
        return ScenarioRunner.context(root, s);
    }

    private CommandResult run(TestCommandContext ctx) throws InterruptedException {
        return flow.run(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OwnedFiles.none(), DETECTOR);
    }

    @Test
    void takesOverKeepsRestorableOriginalsAndIsAFixedPoint(@TempDir Path root) throws Exception {
        TestCommandContext ctx = prepare(root);
        assertEquals(CommandResult.ok(), run(ctx));
        String cloud = Files.readString(root.resolve("etc/net/cloud.conf"));
        assertTrue(cloud.startsWith(ForeignConfigTakeover.MARKER_PREFIX), cloud);
        assertTrue(cloud.contains("/var/lib/nova-agent/backup/taken-over/etc/net/cloud.conf"), cloud);
        assertTrue(cloud.endsWith(ForeignConfigTakeover.DISABLED + "up eth0 dhcp\nup eth9 dhcp\n"), "eth9 stays:\n" + cloud);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/net/cloud.conf"))));
        assertFalse(Files.exists(root.resolve("etc/net/legacy.conf")));
        assertFalse(Files.exists(root.resolve("etc/net/eth0.conf")));

        Path kept = root.resolve(ForeignConfigTakeover.ORIGINALS);
        assertEquals(CLOUD, Files.readString(kept.resolve("etc/net/cloud.conf")));
        assertEquals(OPERATOR, Files.readString(kept.resolve("etc/net/eth0.conf")));
        assertEquals("installer eth1\n", Files.readString(kept.resolve("etc/net/ours-eth1")));
        assertFalse(Files.exists(kept.resolve("etc/net/legacy.conf")), "2.x's files are never restored");
        assertEquals(LEGACY, Files.readString(root.resolve(FileStager.BACKUP_DIR + "/etc/net/legacy.conf")), "but backed up");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.resolve("etc/net"))));
        assertFalse(Files.exists(root.resolve(FileStager.BACKUP_DIR + "/" + ForeignConfigTakeover.ORIGINALS)),
                "originals are not backed up themselves");
        assertEquals(ForeignConfigTakeover.cloudInitDropIn(),
                Files.readString(root.resolve(ForeignConfigTakeover.CLOUD_INIT_DROP_IN)));
        assertEquals(List.of(List.of("hostname", "web01.example.com"), List.of("apply-net", "eth0", "eth1")), ctx.commands());

        ctx.clearCommands();
        assertEquals(CommandResult.ok(), run(ctx));
        assertEquals(List.of(), ctx.commands(), "a repeat finds nothing left to take over");
        assertEquals(cloud, Files.readString(root.resolve("etc/net/cloud.conf")));
    }

    @Test
    void aFailedApplyRestoresEveryForeignFile(@TempDir Path root) throws Exception {
        TestCommandContext ctx = prepare(root);
        ctx.runner().answer(List.of("apply-net"), new ProcessResult(1, "", "no carrier\n", true), 1);
        CommandResult r = run(ctx);
        assertEquals("500", r.returnCode(), r.toString());
        assertEquals(CLOUD, Files.readString(root.resolve("etc/net/cloud.conf")));
        assertEquals(LEGACY, Files.readString(root.resolve("etc/net/legacy.conf")));
        assertEquals(OPERATOR, Files.readString(root.resolve("etc/net/eth0.conf")));
        assertFalse(Files.exists(root.resolve(ForeignConfigTakeover.ORIGINALS + "/etc/net/cloud.conf")));
        assertFalse(Files.exists(root.resolve(ForeignConfigTakeover.CLOUD_INIT_DROP_IN)));
    }

    @Test
    void dryRunShowsTheTakeoverAndWritesNothing(@TempDir Path root) throws Exception {
        TestCommandContext ctx = prepare(root);
        String report = flow.dryRun(ctx, RENDERER, RendererOptionsFactory.DEFAULTS, APPLIER, OwnedFiles.none(), DETECTOR)
                .report();
        assertTrue(report.contains("+" + ForeignConfigTakeover.DISABLED + "up eth0 dhcp"), report);
        assertTrue(report.contains("-up eth1 old-address"), report);
        assertTrue(report.contains("# keep a copy of the original: " + ForeignConfigTakeover.ORIGINALS + "/etc/net/cloud.conf"),
                report);
        assertTrue(report.contains("+network: {config: disabled}"), report);
        assertTrue(report.contains("# would run: apply-net eth0 eth1"), report);
        assertEquals(CLOUD, Files.readString(root.resolve("etc/net/cloud.conf")));
        assertTrue(Files.exists(root.resolve("etc/net/legacy.conf")));
        assertFalse(Files.exists(root.resolve("var/lib/nova-agent")));
    }

    @Test
    void noDropInWithoutCloudInitAndAMarkerIsNeverRepeated(@TempDir Path root) throws Exception {
        TestCommandContext ctx = prepare(root);
        Files.delete(root.resolve("etc/cloud/cloud.cfg.d"));
        Files.delete(root.resolve("etc/cloud"));
        assertEquals(CommandResult.ok(), run(ctx));
        assertFalse(Files.exists(root.resolve("etc/cloud")));
        ForeignConfig again = ForeignConfig.disable("etc/net/cloud.conf", ForeignConfig.CLOUD_INIT, List.of("eth0"),
                Files.readString(root.resolve("etc/net/cloud.conf")));
        String twice = ForeignConfigTakeover.marked(again, again.newContent().orElseThrow());
        assertEquals(1, twice.lines().filter(l -> l.startsWith(ForeignConfigTakeover.MARKER_PREFIX)).count(), twice);
        assertThrows(IllegalArgumentException.class, () -> new ForeignConfig("x", "y", List.of(),
                ForeignConfig.Action.REMOVE, java.util.Optional.of("z")));
    }
}
