/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/**
 * {@code agent call} against the embedded XenStore (real socket, real client) with the real netplan
 * handler and a scratch Ubuntu root: dry run, a real run under the root (through the
 * {@code agent resetnetwork} alias), no applicable handler, a failing handler, an unreachable
 * XenStore, a dry run refused by a handler without one, and values given as JSON.
 */
class CallCommandTests {

    private static final String NETPLAN_FILE = "etc/netplan/50-nova-agent.yaml";
    private static final String ETH0 = "{\"label\": \"public\", \"mac\": \"BC:76:4E:20:75:72\", \"ips\": [{\"ip\": "
            + "\"104.130.4.72\", \"netmask\": \"255.255.255.0\", \"enabled\": \"1\", \"gateway\": \"104.130.4.1\"}], "
            + "\"gateway\": \"104.130.4.1\", \"dns\": [\"69.20.0.164\"]}";

    @TempDir
    Path dir;

    private EmbeddedXenStore xenstore;
    private Path root;

    /** What one in-process run printed and returned. */
    private record Run(int exitCode, String stdout, String stderr) {
    }

    @BeforeEach
    void setUp() throws Exception {
        xenstore = EmbeddedXenStore.start(dir.resolve("xenstored.sock"), 7);
        xenstore.write("vm-data/networking/BC764E207572", ETH0);
        root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=ubuntu\nVERSION_ID=\"24.04\"\n");
        Path eth0 = Files.createDirectories(root.resolve("sys/class/net/eth0/device"));
        Files.writeString(eth0.resolveSibling("address"), "bc:76:4e:20:75:72\n");
        Files.writeString(eth0.resolveSibling("type"), "1\n");
    }

    @AfterEach
    void tearDown() {
        xenstore.close();
    }

    /** Makes the root a netplan system: etc/netplan and an executable usr/sbin/netplan. */
    private void netplanSystem() throws IOException {
        Files.createDirectories(root.resolve("etc/netplan"));
        Path netplan = Files.createDirectories(root.resolve("usr/sbin")).resolve("netplan");
        Files.writeString(netplan, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(netplan, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> args(String... extra) {
        List<String> a = new ArrayList<>(List.of("call", "resetnetwork", "--root", root.toString(),
                "--plugins-dir", dir.resolve("no-plugins").toString(), "--config", dir.resolve("none.conf").toString(),
                "--xenstore", xenstore.socketPath().toString()));
        a.addAll(List.of(extra));
        return a;
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private Map<String, String> tree() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                files.put(root.relativize(p).toString(), Files.isRegularFile(p)
                        ? Files.readString(p, StandardCharsets.UTF_8) + " " + Files.getPosixFilePermissions(p) : "dir");
            }
        }
        return files;
    }

    @Test
    void dryRunPrintsTheDiffAndTheCommandsAndChangesNothing() throws Exception {
        netplanSystem();
        Map<String, String> before = tree();
        Run r = run(args("--dry-run"));
        assertEquals(ExitCodes.OK, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("+++ b/" + NETPLAN_FILE), r.stdout());
        assertTrue(r.stdout().contains("+        - 104.130.4.72/24"), r.stdout());
        assertTrue(r.stdout().contains("# would run: netplan apply"), r.stdout());
        assertEquals(before, tree(), "a dry run changes no file under the root");
    }

    @Test
    void runWritesUnderTheRootAndOnlyLogsTheCommands() throws Exception {
        netplanSystem();
        // a child JVM on the module path: the deployed shape, and its log shows what would have run
        List<String> a = args();
        a.remove(0); // agent resetnetwork: the alias of agent call resetnetwork
        a.add("--log-level");
        a.add("info"); // quiet by default: the INFO "would run" lines only on request
        ChildJvm.Outcome first = ChildJvm.agent(dir, a.toArray(String[]::new));
        assertEquals(ExitCodes.OK, first.exitCode(), first.stderr());
        assertEquals("resetnetwork: done", first.stdout().strip());
        String written = Files.readString(root.resolve(NETPLAN_FILE));
        assertTrue(written.contains("- 104.130.4.72/24") && written.contains("macaddress: \"bc:76:4e:20:75:72\""),
                written);
        assertTrue(first.stderr().contains("would run: netplan apply"), first.stderr());
        assertFalse(Files.exists(root.resolve("etc/netplan/50-nova-agent.yaml.bak")));

        Run again = run(args("--dry-run"));
        assertEquals(ExitCodes.OK, again.exitCode(), again.stderr());
        assertTrue(again.stdout().startsWith("# no file would change"), again.stdout());
        assertFalse(again.stdout().contains("would run"), "a repeat would not bounce the network: " + again.stdout());
    }

    @Test
    void theResetnetworkAliasOffersNoCommandNameAndRefusesOne() {
        Run help = run(List.of("resetnetwork", "--help"));
        assertEquals(ExitCodes.OK, help.exitCode(), help.stderr());
        assertFalse(help.stdout().contains("COMMAND"), "the alias's command is fixed: " + help.stdout());
        assertTrue(help.stdout().contains("agent call resetnetwork"), help.stdout());

        List<String> a = args();
        a.remove(0);
        a.add("version"); // agent resetnetwork version: not a way to run version
        Run extra = run(a);
        assertEquals(ExitCodes.USAGE, extra.exitCode(), extra.stdout());
        assertTrue(extra.stderr().contains("'version'"), extra.stderr());
    }

    @Test
    void noApplicableHandlerExitsOneWithTheReasons() throws Exception {
        Run r = run(args());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.stdout());
        assertTrue(r.stderr().contains("no resetnetwork handler applies to target root " + root), r.stderr());
        assertTrue(r.stderr().contains("org.novaagent.plugin.network.netplan")
                || r.stderr().contains("unnamed"), r.stderr());
        assertTrue(r.stderr().contains("no etc/netplan directory under the target root"), r.stderr());
        assertEquals("", r.stdout());
    }

    @Test
    void aFailingHandlerExitsOneWithItsMessageAndWritesNothing() throws Exception {
        netplanSystem();
        xenstore.write("vm-data/networking/BC764E207572", "{\"ips\": [{\"ip\": \"1.2.3.4\", \"netmask\": \"255.0.255.0\"}]}");
        Run r = run(args());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.stdout());
        assertTrue(r.stderr().contains("resetnetwork failed (returncode 1): vm-data/networking/BC764E207572"),
                r.stderr());
        assertFalse(Files.exists(root.resolve(NETPLAN_FILE)));
    }

    @Test
    void unreachableXenStoreExitsOneWithAClearMessage() throws Exception {
        netplanSystem();
        Path missing = dir.resolve("no-such.sock");
        List<String> a = args();
        a.set(a.indexOf("--xenstore") + 1, missing.toString());
        Run r = run(a);
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.stdout());
        assertTrue(r.stderr().contains("cannot reach XenStore") && r.stderr().contains(missing.toString()), r.stderr());
        assertFalse(Files.exists(root.resolve(NETPLAN_FILE)));
    }

    @Test
    void aDryRunOfAHandlerWithoutOneIsRefusedAndNothingRuns() {
        List<String> a = args("--dry-run");
        a.set(1, "version");
        Run r = run(a);
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.stdout());
        assertTrue(r.stderr().contains("version (") && r.stderr().contains("has no dry run; nothing was done"), r.stderr());
        assertEquals("", r.stdout());
    }

    @Test
    void anyCommandRunsWithItsValueAsTheHostWouldSendIt() {
        List<String> a = args("--value", "agent");
        a.set(1, "version");
        Run r = run(a);
        assertEquals(ExitCodes.OK, r.exitCode(), r.stderr());
        assertTrue(r.stdout().strip().matches("\\d+\\.\\d+\\.\\d+.*"), r.stdout());
    }

    @Test
    void badValuesAndMissingCommandsAreUsageErrors() throws Exception {
        List<String> json = args("--value-json", "{\"path\": ");
        json.set(1, "version");
        Run r = run(json);
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.stderr().contains("the value is not valid JSON"), r.stderr());

        List<String> both = args("--value", "a", "--value-json", "{}");
        assertEquals(ExitCodes.USAGE, run(both).exitCode(), "--value and --value-json are exclusive");

        List<String> none = args();
        none.remove(1);
        Run missing = run(none);
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.stderr().contains("which command?"), missing.stderr());

        List<String> unknown = args();
        unknown.set(1, "no-such-command");
        Run u = run(unknown);
        assertEquals(ExitCodes.FAILURE, u.exitCode());
        assertTrue(u.stderr().contains("no no-such-command handler applies") && u.stderr().contains("no handler provides it"),
                u.stderr());
    }

    @Test
    void helpDescribesTheOptions() {
        Run r = run(List.of("call", "--help"));
        assertEquals(ExitCodes.OK, r.exitCode());
        for (String option : List.of("--dry-run", "--value", "--value-json", "--value-file", "--root", "--xenstore",
                "--plugins-dir", "--config")) {
            assertTrue(r.stdout().contains(option), option + " in " + r.stdout());
        }
        String top = run(List.of("--help")).stdout();
        assertTrue(top.contains("call") && top.contains("resetnetwork"), top);
        assertEquals(ExitCodes.OK, run(List.of("resetnetwork", "--help")).exitCode());
    }
}
