/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.HealthFinding;
import org.novaagent.api.ProcessResult;
import org.novaagent.network.ForeignConfigTakeover;
import org.novaagent.testkit.TestCommandContext;

/** A standalone dhcpcd service next to netifrc: our NICs go on its {@code denyinterfaces}. */
class DhcpcdTakeoverTests {

    /** Gentoo's shipped dhcpcd.conf (net-misc/dhcpcd), shortened, with an operator's own deny line. */
    static final String DHCPCD_CONF = "# A sample configuration for dhcpcd.\n# See dhcpcd.conf(5) for details.\n\n"
            + "hostname\nclientid\npersistent\noption rapid_commit\nslaac private\ndenyinterfaces veth*\n";

    private final ResetNetworkCommandHandler handler = new ResetNetworkCommandHandler();

    private static TestCommandContext withDhcpcd(Path root) throws Exception {
        TestCommandContext ctx = ResetNetworkCommandHandlerTests.gentoo(root);
        ctx.file("/etc/dhcpcd.conf", DHCPCD_CONF);
        Files.createSymbolicLink(Files.createDirectories(root.resolve("etc/runlevels/default")).resolve("dhcpcd"),
                Path.of("/etc/init.d/dhcpcd"));
        return ctx;
    }

    private String reset(TestCommandContext ctx) throws Exception {
        return handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx).returnCode();
    }

    @Test
    void ourNicsAreDeniedToARunningDhcpcdWhichIsRestartedBeforeNetifrc(@TempDir Path root) throws Exception {
        TestCommandContext ctx = withDhcpcd(root);
        assertEquals("0", reset(ctx));
        String conf = Files.readString(root.resolve("etc/dhcpcd.conf"));
        assertTrue(conf.startsWith(ForeignConfigTakeover.MARKER_PREFIX), conf);
        assertTrue(conf.endsWith(DHCPCD_CONF + DhcpcdForeignConfig.COMMENT + "\ndenyinterfaces eth0 eth1\n"), conf);
        assertEquals(DHCPCD_CONF, Files.readString(root.resolve(ForeignConfigTakeover.ORIGINALS + "/etc/dhcpcd.conf")));
        assertEquals(NetifrcApplier.DHCPCD_RESTART, ctx.commands().get(0), ctx.commands().toString());
        assertTrue(ctx.commands().contains(List.of("rc-service", "net.eth1", "restart")));

        ctx.clearCommands();
        assertEquals("0", reset(ctx));
        assertEquals(conf, Files.readString(root.resolve("etc/dhcpcd.conf")), "a repeat adds nothing");
        assertEquals(List.of(), ctx.commands());
    }

    @Test
    void aNicAlreadyDeniedIsNotAddedAgain(@TempDir Path root) throws Exception {
        TestCommandContext ctx = withDhcpcd(root);
        ctx.file("/etc/dhcpcd.conf", DHCPCD_CONF + "denyinterfaces eth0,lo\n");
        assertEquals("0", reset(ctx));
        assertTrue(Files.readString(root.resolve("etc/dhcpcd.conf")).endsWith("\ndenyinterfaces eth1\n"));
    }

    @Test
    void dhcpcdOutsideTheDefaultRunlevelIsLeftAlone(@TempDir Path root) throws Exception {
        TestCommandContext ctx = ResetNetworkCommandHandlerTests.gentoo(root);
        ctx.file("/etc/dhcpcd.conf", DHCPCD_CONF);
        assertEquals("0", reset(ctx));
        assertEquals(DHCPCD_CONF, Files.readString(root.resolve("etc/dhcpcd.conf")));
        assertFalse(ctx.commands().contains(NetifrcApplier.DHCPCD_RESTART));
    }

    @Test
    void aFailedApplyGivesDhcpcdItsFileBackAndRestartsIt(@TempDir Path root) throws Exception {
        TestCommandContext ctx = withDhcpcd(root);
        ctx.runner().answer(List.of("rc-service", "net.eth1", "restart"), new ProcessResult(1, "", "failed", true), 1);
        assertEquals("500", reset(ctx));
        assertEquals(DHCPCD_CONF, Files.readString(root.resolve("etc/dhcpcd.conf")));
        List<List<String>> all = ctx.commands();
        List<List<String>> after = all.subList(all.indexOf(List.of("rc-service", "net.eth1", "restart")) + 1, all.size());
        assertEquals(NetifrcApplier.DHCPCD_RESTART, after.get(0), after.toString());
    }

    @Test
    void doctorReportsTheDhcpcdServiceBeforeAnyReset(@TempDir Path root) throws Exception {
        TestCommandContext ctx = withDhcpcd(root);
        List<HealthFinding> findings = handler.checkHealth(ctx);
        assertTrue(findings.stream().anyMatch(f -> f.level() == HealthFinding.Level.FAIL && f.message().contains("etc/dhcpcd.conf")),
                findings.toString());
        assertEquals(DHCPCD_CONF, Files.readString(root.resolve("etc/dhcpcd.conf")), "doctor only reads");
    }
}
