/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HealthCheck;
import org.novaagent.api.HealthFinding;
import org.novaagent.api.HostFacts;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.history.HistoryEntry;
import org.novaagent.runtime.history.RequestHistory;
import org.novaagent.runtime.plugin.DiscoveredHandler;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/**
 * Issue #18: every check of {@code agent doctor} on scratch roots. The healthy root passes every
 * check; each broken root changes exactly the finding its breakage is about, to a warning or
 * failure that carries its fix, and leaves the others ok. XenStore is a real Unix socket
 * ({@link EmbeddedXenStore}) and the real client.
 */
class DoctorTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    private Path root;
    private EmbeddedXenStore xenstore;
    private Instant clock = NOW;
    private long minFree = 1;
    private Optional<Path> xsPath;

    @BeforeEach
    void healthyRoot() throws Exception {
        root = Files.createDirectories(dir.resolve("root"));
        write("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n");
        write("lib/systemd/system/nova-agent.service", "[Unit]\nAfter=local-fs.target xe-daemon.service xen-guest-agent.service\n"
                + "[Service]\nExecStart=/usr/sbin/nova-agent run\n[Install]\nWantedBy=multi-user.target\n");
        write("lib/systemd/system/xe-daemon.service", "[Service]\nExecStart=/usr/sbin/xe-daemon\n");
        Path wants = Files.createDirectories(root.resolve("etc/systemd/system/multi-user.target.wants"));
        Files.createSymbolicLink(wants.resolve("nova-agent.service"), Path.of("/lib/systemd/system/nova-agent.service"));
        write("etc/nova-agent/agent.conf", "# defaults\n");
        Files.createDirectories(root.resolve("usr/lib/nova-agent/plugins"));
        Files.createDirectories(root.resolve("var/lib"));
        Files.createDirectory(root.resolve("var/lib/nova-agent"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        write("etc/netplan/50-nova-agent.yaml", "network: {version: 2}\n");
        write("usr/sbin/netplan", "#!/bin/sh\n");
        Files.setPosixFilePermissions(root.resolve("usr/sbin/netplan"), PosixFilePermissions.fromString("rwxr-xr-x"));
        nic("eth0", "bc:76:4e:20:75:72");
        nic("eth1", "bc:76:4e:20:75:73");
        record("resetnetwork", "0");
        xenstore = EmbeddedXenStore.start(dir.resolve("xenstored.sock"), 7);
        xenstore.write("vm-data/hostname", "demo");
        xsPath = Optional.of(xenstore.socketPath());
    }

    @AfterEach
    void stop() {
        xenstore.close();
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private void nic(String name, String mac) throws IOException {
        write("sys/class/net/" + name + "/address", mac + "\n");
        write("sys/class/net/" + name + "/type", "1\n");
    }

    private void record(String command, String code) {
        RequestHistory.at(root).record(new HistoryEntry(NOW.minusSeconds(60), "r-" + command, command, code, 12, "done"));
    }

    private List<Finding> doctor() {
        return doctor(List.of(handler("keyinit", true), handler("password", true),
                DiscoveredHandler.builtIn(new org.novaagent.plugin.network.netplan.internal.ResetNetworkCommandHandler())));
    }

    /** The real netplan handler serves resetnetwork, so its HealthCheck (ForeignConfigReport) runs. */
    private List<Finding> doctor(List<DiscoveredHandler> handlers) {
        AgentAssembly agent = AgentAssembly.build(root, root.resolve("usr/lib/nova-agent/plugins"), AgentConfig.defaults(), false,
                handlers);
        return Doctor.standard().run(new DoctorContext(agent, root.resolve("etc/nova-agent/agent.conf"), xsPath,
                Clock.fixed(clock, ZoneOffset.UTC), Instant.parse("2026-01-01T00:00:00Z"), minFree));
    }

    /** Runs the doctor and returns the findings that are not ok, checking that they carry a fix. */
    private List<Finding> problems() {
        List<Finding> bad = doctor().stream().filter(f -> f.level() != Finding.Level.OK).toList();
        bad.forEach(f -> assertFalse(f.fix().isBlank(), "no fix for " + f));
        return bad;
    }

    private static void assertOnly(List<Finding> bad, String check, Finding.Level level, String messagePart, String fixPart) {
        String all = bad.stream().map(Finding::toString).collect(Collectors.joining("\n"));
        assertEquals(1, bad.size(), all);
        Finding f = bad.get(0);
        assertEquals(check, f.check(), all);
        assertEquals(level, f.level(), all);
        assertTrue(f.message().contains(messagePart), all);
        assertTrue(f.fix().contains(fixPart), all);
    }

    @Test
    void healthyRootPassesEveryCheck() {
        List<Finding> findings = doctor();
        assertEquals(List.of(), findings.stream().filter(f -> f.level() != Finding.Level.OK).toList());
        assertEquals(List.of("xenstore", "service", "handlers", "overrides", "trust", "host", "requests"),
                findings.stream().map(Finding::check).distinct().toList(), "every check ran");
        assertTrue(findings.contains(Finding.ok("overrides", "no other tool configures eth0, eth1"
                + " (every NIC of the target; no network data read from XenStore)")), findings.toString());
        assertTrue(Doctor.healthy(findings));
    }

    @Test
    void xenStoreUnreachable() {
        xsPath = Optional.of(dir.resolve("no-such.sock"));
        assertOnly(problems(), "xenstore", Finding.Level.FAIL, "not reachable", "--xenstore");
    }

    @Test
    void xenStoreWithoutVmData() throws Exception {
        xenstore.rm("vm-data");
        assertOnly(problems(), "xenstore", Finding.Level.WARN, "vm-data", "host");
    }

    @Test
    void serviceNotEnabled() throws Exception {
        Files.delete(root.resolve("etc/systemd/system/multi-user.target.wants/nova-agent.service"));
        assertOnly(problems(), "service", Finding.Level.FAIL, "not enabled", "systemctl enable nova-agent");
    }

    @Test
    void serviceNotOrderedAfterTheXenTools() throws Exception {
        write("lib/systemd/system/nova-agent.service", "[Unit]\nAfter=local-fs.target\n[Service]\nExecStart=/x\n");
        assertOnly(problems(), "service", Finding.Level.WARN, "not ordered after", "After=xe-daemon.service");
    }

    @Test
    void xenToolsNotInstalled() throws Exception {
        Files.delete(root.resolve("lib/systemd/system/xe-daemon.service"));
        assertOnly(problems(), "service", Finding.Level.FAIL, "no Xen guest tools", "xe-guest-utilities");
    }

    @Test
    void serviceNotInstalled() throws Exception {
        Files.delete(root.resolve("lib/systemd/system/nova-agent.service"));
        assertOnly(problems(), "service", Finding.Level.FAIL, "not installed", "install the nova-agent package");
    }

    @Test
    void noApplicableNetworkHandler() throws Exception {
        Files.delete(root.resolve("usr/sbin/netplan"));
        assertOnly(problems(), "handlers", Finding.Level.FAIL, "resetnetwork: no applicable handler", "install");
    }

    @Test
    void legacyNetplanFileOf2x() throws Exception {
        write("etc/netplan/rackspace-cloud.yaml", "network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp4: true\n");
        assertOnly(problems(), "overrides", Finding.Level.FAIL,
                "etc/netplan/rackspace-cloud.yaml (nova-agent 2.x) configures eth0, eth1 and overrides the agent's configuration;"
                        + " resetnetwork would remove it", "nova-agent call resetnetwork");
        assertFalse(Doctor.healthy(doctor()));
    }

    @Test
    void cloudInitNetplanEntryForOurNic() throws Exception {
        write("etc/netplan/50-cloud-init.yaml", "network:\n  version: 2\n  ethernets:\n    eth1:\n      dhcp4: true\n");
        assertOnly(problems(), "overrides", Finding.Level.FAIL,
                "etc/netplan/50-cloud-init.yaml (cloud-init) configures eth1 and overrides the agent's configuration;"
                        + " resetnetwork would disable it", "--dry-run");
    }

    @Test
    void onlyTheNicsTheHostConfiguresWhenXenStoreHasTheirData() throws Exception {
        write("etc/netplan/50-cloud-init.yaml", "network:\n  version: 2\n  ethernets:\n    eth1:\n      dhcp4: true\n");
        xenstore.write("vm-data/networking/BC764E207572", "{\"mac\":\"BC:76:4E:20:75:72\",\"label\":\"public\","
                + "\"ips\":[{\"ip\":\"192.0.2.10\",\"netmask\":\"255.255.255.0\",\"enabled\":\"1\"}],\"gateway\":\"192.0.2.1\"}");
        List<Finding> all = doctor();
        assertEquals(List.of(), all.stream().filter(f -> f.level() != Finding.Level.OK).toList());
        assertTrue(all.contains(Finding.ok("overrides", "no other tool configures eth0 (the NICs the host configures)")), all.toString());
        write("etc/netplan/50-cloud-init.yaml", "network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp4: true\n");
        assertOnly(problems(), "overrides", Finding.Level.FAIL, "50-cloud-init.yaml (cloud-init) configures eth0", "resetnetwork");
    }

    @Test
    void cloudInitWithoutTheDropIn() throws Exception {
        Files.createDirectories(root.resolve("etc/cloud/cloud.cfg.d"));
        assertOnly(problems(), "overrides", Finding.Level.WARN, "99-nova-agent-network.cfg", "resetnetwork");
        write("etc/cloud/cloud.cfg.d/99-nova-agent-network.cfg", "network: {config: disabled}\n");
        assertEquals(List.of(), problems());
    }

    @Test
    void handlerChecksRunOnlyForSelectedHandlersAndAThrowingOneFailsAlone() {
        DiscoveredHandler throwing = DiscoveredHandler.builtIn(new CheckingHandler("kmsactivate", true, () -> {
            throw new IOException("cannot read etc/kms.conf");
        }));
        DiscoveredHandler notSelected = DiscoveredHandler.builtIn(new CheckingHandler("password", false,
                () -> List.of(HealthFinding.fail("password", "must not be asked", "none"))));
        List<Finding> all = doctor(List.of(handler("keyinit", true), handler("password", true), notSelected, throwing,
                DiscoveredHandler.builtIn(new org.novaagent.plugin.network.netplan.internal.ResetNetworkCommandHandler())));
        List<Finding> bad = all.stream().filter(f -> f.level() != Finding.Level.OK).toList();
        assertOnly(bad, "kmsactivate", Finding.Level.FAIL, "(kmsactivate) failed: cannot read etc/kms.conf", "doctor --json");
        assertTrue(all.stream().anyMatch(f -> f.check().equals("overrides")), "the other handler's check still ran: " + all);
    }

    @Test
    void worldWritablePluginsDirectory() throws Exception {
        Files.setPosixFilePermissions(root.resolve("usr/lib/nova-agent/plugins"), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertOnly(problems(), "trust", Finding.Level.FAIL, "world-writable", "chmod go-w");
    }

    @Test
    void groupWritableConfig() throws Exception {
        Files.setPosixFilePermissions(root.resolve("etc/nova-agent/agent.conf"), PosixFilePermissions.fromString("rw-rw-r--"));
        assertOnly(problems(), "trust", Finding.Level.FAIL, "agent.conf", "chmod go-w");
    }

    @Test
    void clockBeforeTheRelease() {
        clock = Instant.parse("1970-01-01T00:00:10Z");
        assertOnly(problems(), "host", Finding.Level.FAIL, "clock says 1970", "NTP");
    }

    @Test
    void notEnoughDiskSpace() {
        minFree = Long.MAX_VALUE;
        assertOnly(problems(), "host", Finding.Level.FAIL, "MiB free", "free disk space");
    }

    @Test
    void stateDirectoryNotPrivate() throws Exception {
        Files.setPosixFilePermissions(root.resolve("var/lib/nova-agent"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertOnly(problems(), "host", Finding.Level.FAIL, "rwxr-xr-x", "chmod 0700");
    }

    @Test
    void stateDirectoryIsASymlink() throws Exception {
        Path moved = Files.move(root.resolve("var/lib/nova-agent"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("var/lib/nova-agent"), moved);
        List<Finding> bad = problems();
        assertOnly(bad.stream().filter(f -> !f.check().equals("requests")).toList(), "host", Finding.Level.FAIL,
                "symbolic link", "rm -rf");
        assertTrue(bad.stream().anyMatch(f -> f.check().equals("requests") && f.level() == Finding.Level.WARN
                && f.message().contains("symbolic link")), "the history is not read through the link: " + bad);
    }

    @Test
    void lastRequestFailed() {
        record("resetnetwork", "1");
        assertOnly(problems(), "requests", Finding.Level.WARN, "resetnetwork at", "journalctl -u nova-agent");
    }

    private static DiscoveredHandler handler(String name, boolean applies) {
        return DiscoveredHandler.builtIn(new CommandHandler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CommandResult handle(CommandRequest request, CommandContext context) {
                return CommandResult.ok("");
            }

            @Override
            public Applicability applicability(HostFacts facts) {
                return applies ? Applicability.yes() : Applicability.no("ifup (ifupdown) not found");
            }
        });
    }

    /** A handler with a check of its own. */
    private interface Check {
        List<HealthFinding> run() throws IOException;
    }

    private static final class CheckingHandler implements CommandHandler, HealthCheck {
        private final String name;
        private final boolean applies;
        private final Check check;

        CheckingHandler(String name, boolean applies, Check check) {
            this.name = name;
            this.applies = applies;
            this.check = check;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CommandResult handle(CommandRequest request, CommandContext context) {
            return CommandResult.ok("");
        }

        @Override
        public Applicability applicability(HostFacts facts) {
            return applies ? Applicability.yes() : Applicability.no("not here");
        }

        @Override
        public List<HealthFinding> checkHealth(CommandContext context) throws IOException {
            return check.run();
        }
    }
}
