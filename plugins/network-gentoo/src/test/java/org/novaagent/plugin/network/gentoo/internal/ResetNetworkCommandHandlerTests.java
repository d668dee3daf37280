/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.api.HostFacts.InitSystem;
import org.novaagent.api.ProcessResult;
import org.novaagent.testkit.RecordingProcessRunner;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;

class ResetNetworkCommandHandlerTests {

    static final String ETH0 = "{\"label\":\"public\",\"mac\":\"BC:76:4E:20:75:72\",\"gateway\":\"104.130.4.1\","
            + "\"ips\":[{\"ip\":\"104.130.4.72\",\"netmask\":\"255.255.255.0\",\"enabled\":\"1\"}],"
            + "\"dns\":[\"69.20.0.164\"]}";
    static final String ETH1 = "{\"label\":\"private\",\"mac\":\"BC:76:4E:20:6C:5B\",\"gateway\":null,"
            + "\"ips\":[{\"ip\":\"10.208.227.239\",\"netmask\":\"255.255.224.0\",\"enabled\":\"1\"}],"
            + "\"routes\":[{\"route\":\"10.208.0.0\",\"netmask\":\"255.240.0.0\",\"gateway\":\"10.208.224.1\"}]}";
    static final String IMAGE = "config_eth0=\"dhcp\"\nmtu_eth0=\"1500\"\n";

    private final ResetNetworkCommandHandler handler = new ResetNetworkCommandHandler();

    private static TestCommandContext context(Path root, InitSystem init) {
        return TestCommandContext.builder(root)
                .hostFacts(TestHostFacts.builder(root).os("gentoo", "2.15").family(HostFacts.OsFamily.GENTOO).init(init).build())
                .runner(new RecordingProcessRunner().otherwise(ProcessResult.notExecuted()))
                .build();
    }

    static TestCommandContext gentoo(Path root) throws IOException {
        TestCommandContext ctx = context(root, InitSystem.OPENRC)
                .tool("/sbin/rc-service").tool("/sbin/rc-update").file("/etc/init.d/net.lo", "#!/sbin/openrc-run\n")
                .file("/etc/conf.d/net", IMAGE)
                .nic("eth0", "bc:76:4e:20:75:72").nic("eth1", "bc:76:4e:20:6c:5b")
                .file("/sys/class/net/eth0/device/modalias", "xen:vif\n").file("/sys/class/net/eth1/device/modalias", "xen:vif\n");
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", ETH1);
        return ctx;
    }

    private CommandResult reset(TestCommandContext ctx) throws Exception {
        return handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx);
    }

    private static List<List<String>> services(String ifname) {
        return List.of(List.of("ln", "-sn", "net.lo", "/etc/init.d/net." + ifname),
                List.of("rc-update", "add", "net." + ifname, "default"), List.of("rc-service", "net." + ifname, "restart"));
    }

    @Test
    void applicableOnGentooWithOpenrcAndNetifrcOnly(@TempDir Path root) throws IOException {
        TestCommandContext debian = TestCommandContext.builder(root).hostFacts(TestHostFacts.debian(root)).build();
        assertTrue(handler.applicability(debian.hostFacts()).reason().contains("not Gentoo"));
        assertTrue(handler.applicability(context(root, InitSystem.SYSTEMD).hostFacts()).reason().contains("network-networkd"));
        TestCommandContext ctx = context(root, InitSystem.OPENRC);
        assertTrue(handler.applicability(ctx.hostFacts()).reason().contains("no etc/init.d/net.lo"));
        ctx.file("/etc/init.d/net.lo", "#!/sbin/openrc-run\n");
        assertTrue(handler.applicability(ctx.hostFacts()).reason().contains("rc-service"));
        ctx.tool("/sbin/rc-service").tool("/sbin/rc-update");
        assertTrue(handler.applicability(ctx.hostFacts()).applicable());
        Files.createDirectories(root.resolve("etc/runlevels/default"));
        Files.createSymbolicLink(root.resolve("etc/runlevels/default/NetworkManager"), Path.of("/etc/init.d/NetworkManager"));
        assertTrue(handler.applicability(ctx.hostFacts()).reason().contains("NetworkManager"));
    }

    @Test
    void editsConfNetRestartsTheChangedServicesAndRepeatsAsANoOp(@TempDir Path root) throws Exception {
        TestCommandContext ctx = gentoo(root);
        ctx.xenStoreData().put("vm-data/hostname", "gentoo01");
        CommandResult result = reset(ctx);
        assertEquals("0", result.returnCode(), result.message());
        String net = Files.readString(root.resolve("etc/conf.d/net"));
        assertTrue(net.startsWith("# disabled by nova-agent: config_eth0=\"dhcp\"\nmtu_eth0=\"1500\"\n\n# BEGIN nova-agent\n"), net);
        assertTrue(net.endsWith("# Label public (bc:76:4e:20:75:72)\nconfig_eth0=\"104.130.4.72/24\"\n"
                + "routes_eth0=\"default via 104.130.4.1\"\ndns_servers_eth0=\"69.20.0.164\"\n"
                + "# Label private (bc:76:4e:20:6c:5b)\nconfig_eth1=\"10.208.227.239/19\"\n"
                + "routes_eth1=\"10.208.0.0/12 via 10.208.224.1\"\n# END nova-agent\n"), net);
        assertEquals(IMAGE, Files.readString(root.resolve("var/lib/nova-agent/backup/etc/conf.d/net")), "the image's file is kept");
        assertEquals("gentoo01\n", Files.readString(root.resolve("etc/hostname")));
        List<List<String>> network = ctx.commands().stream().filter(c -> !c.get(0).equals("hostname")).toList();
        assertEquals(Stream.concat(services("eth0").stream(), services("eth1").stream()).toList(), network);

        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "identical input: nothing restarted");
    }

    @Test
    void onlyTheNicThatChangedIsRestartedAndADetachedOneIsStoppedFirst(@TempDir Path root) throws Exception {
        TestCommandContext ctx = gentoo(root);
        assertEquals("0", reset(ctx).returnCode());
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", ETH1.replace("10.208.227.239", "10.208.227.240"));
        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        assertEquals(services("eth1"), ctx.commands());

        ctx.xenStoreData().remove("vm-data/networking/BC764E206C5B");
        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        String net = Files.readString(root.resolve("etc/conf.d/net"));
        assertFalse(net.contains("eth1"), net);
        assertEquals(List.of(List.of("rc-service", "--ifexists", "net.eth1", "stop"),
                List.of("rc-update", "del", "net.eth1", "default")), ctx.commands());
    }

    @Test
    void aPerServiceConfFileForOurNicIsTakenOver(@TempDir Path root) throws Exception {
        TestCommandContext ctx = gentoo(root);
        ctx.file("/etc/conf.d/net.eth1", "# eth1 on DHCP\nconfig_eth1=\"dhcp\"\nroutes_eth1=\"default via 10.0.0.1\n"
                + "192.168.0.0/16 via 10.0.0.1\"\nrc_net_eth1_need=\"net.eth0\"\n");
        assertEquals("0", reset(ctx).returnCode());
        String eth1 = Files.readString(root.resolve("etc/conf.d/net.eth1"));
        assertTrue(eth1.contains("# disabled by nova-agent: config_eth1=\"dhcp\"\n# disabled by nova-agent: routes_eth1="
                + "\"default via 10.0.0.1\n# disabled by nova-agent: 192.168.0.0/16 via 10.0.0.1\"\nrc_net_eth1_need=\"net.eth0\"\n"), eth1);
        assertTrue(eth1.startsWith("# nova-agent took over"), eth1);
    }

    @Test
    void aServiceThatFailsToRestartRollsTheFileBackAndUndoesTheNewNicsService(@TempDir Path root) throws Exception {
        TestCommandContext ctx = gentoo(root);
        ctx.runner().answer(List.of("rc-service", "net.eth1", "restart"),
                new ProcessResult(1, "", " * ERROR: net.eth1 failed to start", true), 1);
        CommandResult result = reset(ctx);
        assertEquals("500", result.returnCode());
        assertTrue(result.message().contains("rc-service net.eth1 restart failed (exit 1)")
                && result.message().contains("net.eth1 failed to start"), result.message());
        assertEquals(IMAGE, Files.readString(root.resolve("etc/conf.d/net")), "the image's file is back");
        List<List<String>> afterFailure = afterFailure(ctx, "net.eth1");
        assertEquals(List.of(
                        List.of("ln", "-sn", "net.lo", "/etc/init.d/net.eth0"), List.of("rc-update", "add", "net.eth0", "default"),
                        List.of("rc-service", "net.eth0", "restart"),
                        List.of("rc-service", "--ifexists", "net.eth1", "stop"), List.of("rc-update", "del", "net.eth1", "default"),
                        List.of("rm", "-f", "/etc/init.d/net.eth1")), afterFailure,
                "eth0 (configured in the image's file) restarted on it; eth1 (new) stopped, out of the runlevel, link gone");
    }

    @Test
    void aRollbackKeepsTheServiceLinksThatWereThereBefore(@TempDir Path root) throws Exception {
        TestCommandContext ctx = gentoo(root);
        Files.createSymbolicLink(Files.createDirectories(root.resolve("etc/init.d")).resolve("net.eth1"), Path.of("net.lo"));
        Files.createSymbolicLink(Files.createDirectories(root.resolve("etc/runlevels/default")).resolve("net.eth1"),
                Path.of("/etc/init.d/net.eth1"));
        ctx.runner().answer(List.of("rc-service", "net.eth1", "restart"), new ProcessResult(1, "", "failed", true), 1);
        assertEquals("500", reset(ctx).returnCode());
        assertTrue(ctx.commands().contains(List.of("ln", "-sn", "net.lo", "/etc/init.d/net.eth0")), ctx.commands().toString());
        assertFalse(ctx.commands().contains(List.of("ln", "-sn", "net.lo", "/etc/init.d/net.eth1")), "an existing link is kept");
        assertEquals(List.of(List.of("rc-service", "--ifexists", "net.eth1", "stop")),
                afterFailure(ctx, "net.eth1").stream().filter(c -> String.join(" ", c).contains("net.eth1")).toList(),
                "the operator's net.eth1 link and runlevel entry stay; the service is only stopped");
        assertTrue(Files.isSymbolicLink(root.resolve("etc/init.d/net.eth1")));
    }

    /** The commands run after the failed restart of {@code service}. */
    private static List<List<String>> afterFailure(TestCommandContext ctx, String service) {
        List<List<String>> all = ctx.commands();
        int failed = all.indexOf(List.of("rc-service", service, "restart"));
        return List.copyOf(all.subList(failed + 1, all.size()));
    }

    @Test
    void anUnreadableConfNetAnswersAFailureAndWritesNothing(@TempDir Path root) throws Exception {
        TestCommandContext ctx = gentoo(root);
        ctx.file("/etc/conf.d/net", "config_eth0=\"dhcp\nmtu_eth0=1500\n");
        CommandResult result = reset(ctx);
        assertEquals("500", result.returnCode());
        assertTrue(result.message().contains("etc/conf.d/net line 1: the value of config_eth0"), result.message());
        assertEquals("config_eth0=\"dhcp\nmtu_eth0=1500\n", Files.readString(root.resolve("etc/conf.d/net")));
        assertEquals(List.of(), ctx.commands());
    }

    @Test
    void aDryRunShowsTheDiffAndTheCommandsAndChangesNothing(@TempDir Path root) throws Exception {
        TestCommandContext ctx = gentoo(root).dryRun(true);
        CommandResult result = reset(ctx);
        assertEquals("0", result.returnCode(), result.message());
        assertTrue(result.message().contains("+config_eth0=\"104.130.4.72/24\"") && result.message().contains("rc-service net.eth0 restart"),
                result.message());
        assertEquals(IMAGE, Files.readString(root.resolve("etc/conf.d/net")));
        assertEquals(List.of(), ctx.commands());
    }
}
