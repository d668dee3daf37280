/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.NmKeyfileRenderer;
import org.novaagent.network.HostnameRules;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.HostileNetworks;
import org.novaagent.network.testkit.HostileText;
import org.novaagent.network.testkit.TestNetworks;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Issue #19 finding 3 for RHEL: every hostile value in every field ({@link HostileNetworks}), the
 * injection payload as a label with each line break, and every hostile hostname, through both
 * renderers. ifcfg, route and {@code sysconfig/network} files pass {@code bash -n} and, sourced by
 * a clean bash with {@code set -eu} in an empty directory, define exactly the variables we wrote with
 * the model's values and run nothing; each keyfile is read by {@code nmcli --offline} and names only
 * its own interface.
 */
class RhelEscapingTests {

    /** Sources each file in a subshell and prints the variables it defined (bash presets HOSTNAME: unset first). */
    private static final String SOURCE = "for f in \"$@\"; do ( unset HOSTNAME; before=$(compgen -v | sort); set -eu; . \"$f\"; "
            + "echo \"== $f\"; comm -13 <(printf '%s\\n' \"$before\") <(compgen -v | sort) "
            + "| grep -vxE 'before|PIPESTATUS|_' | while read -r v; do printf '%s=%s\\n' \"$v\" \"${!v}\"; done ); done";

    static Stream<Named<NetworkConfig>> configs() {
        List<Named<NetworkConfig>> out = new ArrayList<>();
        HostileNetworks.batches().forEach(b -> out.add(Named.of("hostile " + b.field(), b.config())));
        List<NetInterface> labelled = new ArrayList<>();
        int i = 0;
        for (String sep : HostileText.LINE_BREAKS.values()) {
            labelled.add(TestNetworks.nic("eth" + i, String.format("bc:76:4e:00:01:%02x", i), HostileText.payload(sep),
                    List.of(TestNetworks.v4("10.9." + i + ".5/24")), List.of(), null, null, List.of(), List.of()));
            i++;
        }
        out.add(Named.of("payload labels", new NetworkConfig(labelled, Optional.empty())));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void ifcfgFilesDefineExactlyWhatWeWrote(NetworkConfig config, @TempDir Path tmp) throws Exception {
        List<RenderedFile> files = new IfcfgRenderer().render(config, RendererOptions.defaults());
        Map<String, List<String>> sourced = source(files.stream().filter(f -> !f.path().contains("/route")).toList(), tmp);
        for (NetInterface n : config.interfaces()) {
            RenderedFile ifcfg = files.stream().filter(f -> f.path().equals(RhelNames.ifcfg(n.name()))).findFirst().orElseThrow();
            List<String> written = ifcfg.content().lines().filter(l -> l.matches("[A-Z0-9_]+=.*"))
                    .map(l -> l.replace("\"", "")).sorted().toList();
            assertEquals(written, sourced.get(ifcfg.path()).stream().sorted().toList(), ifcfg.content());
            assertTrue(sourced.get(ifcfg.path()).containsAll(List.of("DEVICE=" + n.name(), "HWADDR=" + n.mac(),
                    "IPADDR=" + n.ipv4().get(0).address())), sourced.toString());
        }
        for (RenderedFile f : files) {
            if (f.path().contains("/route")) { // route files are read line by line, not sourced
                assertTrue(f.content().lines().filter(l -> !l.startsWith("#"))
                        .allMatch(l -> l.matches("[0-9a-f:.]+/\\d+ via [0-9a-f:.]+ dev eth\\d+")), f.content());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void everyKeyfileNamesOnlyItsInterface(NetworkConfig config) throws Exception {
        String nmcli = RequiredTool.require("nmcli", "reads NetworkManager keyfiles offline").toString();
        List<RenderedFile> files = new NmKeyfileRenderer().render(config, RendererOptions.defaults());
        assertEquals(config.interfaces().size(), files.size());
        for (int i = 0; i < files.size(); i++) {
            String keyfile = files.get(i).content();
            assertTrue(keyfile.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), keyfile);
            Process p = new ProcessBuilder(nmcli, "--offline", "connection", "modify", "connection.autoconnect", "yes")
                    .redirectErrorStream(true).start();
            p.getOutputStream().write(keyfile.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "nmcli rejected:\n" + keyfile + "\n" + out);
            assertEquals(List.of("interface-name=" + config.interfaces().get(i).name()),
                    out.lines().filter(l -> l.startsWith("interface-name=")).toList(), out);
            assertEquals(1, out.lines().filter(l -> l.equals("[connection]")).count(), out);
            assertTrue(out.lines().filter(l -> !l.startsWith("#")).noneMatch(l -> l.contains(HostileText.EVIL)), out);
        }
    }

    @Test
    void everyHostileHostnameGivesOneHostnameAssignment(@TempDir Path tmp) throws Exception {
        NetInterface eth0 = TestNetworks.nic("eth0", "bc:76:4e:20:0c:13", "public",
                List.of(TestNetworks.v4("10.0.0.5/24")), List.of(), null, null, List.of(), List.of());
        Map<String, String> expected = new LinkedHashMap<>();
        List<RenderedFile> files = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> e : HostileText.values().entrySet()) {
            Optional<String> host = HostnameRules.normalise("web" + e.getValue() + "01").hostname();
            String content = new IfcfgRenderer().render(new NetworkConfig(List.of(eth0), host), RendererOptions.defaults())
                    .stream().filter(f -> f.path().equals(RhelNames.SYSCONFIG_NETWORK)).findFirst().orElseThrow().content();
            String path = "network-" + i++;
            files.add(new RenderedFile(path, content, 0644));
            expected.put(path, host.map(h -> "HOSTNAME=" + h + "\n").orElse("")
                    + "NETWORKING=yes\nNETWORKING_IPV6=yes\nNOZEROCONF=yes\n");
        }
        Map<String, List<String>> sourced = source(files, tmp);
        expected.forEach((path, vars) -> assertEquals(vars, String.join("", sourced.get(path).stream().sorted()
                .map(l -> l + "\n").toList()), path));
    }

    /** @return per rendered path, the {@code NAME=value} lines a sourcing bash defined */
    private static Map<String, List<String>> source(List<RenderedFile> files, Path tmp)
            throws IOException, InterruptedException {
        String bash = RequiredTool.require("bash", "sources ifcfg files as RHEL network-scripts do").toString();
        Path dir = Files.createDirectories(tmp.resolve("files"));
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        List<String> command = new ArrayList<>(List.of("env", "-i", bash, "-c", SOURCE, "sh"));
        Map<String, String> byFile = new LinkedHashMap<>();
        for (RenderedFile f : files) {
            Path p = dir.resolve(f.path().replace('/', '_'));
            Files.writeString(p, f.content());
            Exec.Result syntax = Exec.run(bash, "-n", p.toString());
            assertEquals(0, syntax.code(), f.path() + ": " + syntax.output() + "\n" + f.content());
            command.add(p.toString());
            byFile.put(p.toString(), f.path());
        }
        Process run = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), out);
        try (Stream<Path> left = Files.list(cwd)) {
            assertEquals(List.of(), left.toList(), "sourcing ran a command");
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : out.lines().toList()) {
            if (line.startsWith("== ")) {
                current = new ArrayList<>();
                result.put(byFile.get(line.substring(3)), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        assertEquals(files.size(), result.size(), out);
        return result;
    }
}
