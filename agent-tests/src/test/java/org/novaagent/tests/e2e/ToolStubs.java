/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stand-ins for the tools the agent runs on a live system ({@code chpasswd}, {@code netplan},
 * {@code ifup}, {@code nmcli}, {@code subscription-manager}, ...), as bash scripts for
 * {@link LiveOverlay}. The tool under test behaves as the control file {@code mode} says:
 * {@code ok}; {@code slow} (3 s, then success); {@code fail} (exit 3 with a message);
 * {@code flood} (3 MB on stdout and on stderr, then exit 4); {@code hang} (sleeps for ten minutes
 * after starting a child and a double-forked grandchild named like a DHCP client, all three
 * carrying {@link #mark()} in their command line). Every other tool succeeds at once. Each call
 * is appended to {@code calls}.
 */
final class ToolStubs {

    /** The tools every live scenario gets as always-succeeding stubs (so nothing real runs). */
    static final List<String> ALWAYS_OK = List.of("ip", "ifup", "ifdown", "netplan", "nmcli", "chpasswd",
            "hostnamectl", "systemctl", "subscription-manager", "rhnreg_ks", "networkctl", "wicked");

    private final Path control;
    private final String mark = "nova-stub-" + UUID.randomUUID().toString().substring(0, 8);

    /** @param control the directory of the control files (under {@code /tmp}, seen by the agent too) */
    ToolStubs(Path control) throws IOException {
        this.control = Files.createDirectories(control);
        mode("ok");
    }

    /** @return the token in the command line of every process a hanging stub starts */
    String mark() {
        return mark;
    }

    /** Sets what the tool under test does from now on. */
    void mode(String mode) throws IOException {
        Files.writeString(control.resolve("mode"), mode + "\n");
    }

    /** @return the calls so far, one line each ({@code <pid> <tool> <args>}) */
    List<String> calls() throws IOException {
        Path f = control.resolve("calls");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    /** @return the file where hanging stubs record their pids */
    Path pidsFile() {
        return control.resolve("pids");
    }

    /** @return the pids the hanging stubs recorded (tool, child, grandchild) */
    List<Long> hangPids() throws IOException {
        Path f = control.resolve("pids");
        List<Long> out = new ArrayList<>();
        if (Files.exists(f)) {
            Files.readAllLines(f).stream().map(String::strip).filter(s -> !s.isEmpty()).map(Long::parseLong)
                    .forEach(out::add);
        }
        return out;
    }

    /**
     * @param underTest the tools that follow {@code mode}; the others always succeed
     * @return name → script for {@link LiveOverlay#start}
     */
    Map<String, String> scripts(List<String> underTest) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String tool : ALWAYS_OK) {
            out.put(tool, underTest.contains(tool) ? script(tool) : okScript(tool));
        }
        return out;
    }

    private String okScript(String tool) {
        return "#!/bin/bash\n# nova-agent test stub: " + tool + " (always succeeds)\necho \"$$ " + tool
                + " $*\" >> '" + control.resolve("calls") + "'\nexit 0\n";
    }

    private String script(String tool) {
        String c = control.toString();
        return String.join("\n",
                "#!/bin/bash",
                "# nova-agent test stub: " + tool + " (behaves as " + c + "/mode says)",
                "echo \"$$ " + tool + " $*\" >> '" + c + "/calls'",
                "mode=$(cat '" + c + "/mode' 2>/dev/null || echo ok)",
                "case \"$mode\" in",
                "  ok) exit 0 ;;",
                "  slow) sleep 3; exit 0 ;;",
                "  fail) echo \"" + tool + ": simulated failure: device not ready\" >&2; exit 3 ;;",
                "  flood) head -c 3000000 /dev/zero | tr '\\0' o; head -c 3000000 /dev/zero | tr '\\0' e >&2",
                "         echo \"" + tool + ": failed after a flood\" >&2; exit 4 ;;",
                "  hang)",
                "    # a DHCP client that double-forks away from the tool, as ifup's dhclient does",
                "    ( ( echo $BASHPID >> '" + c + "/pids'; exec -a 'dhclient " + mark + "' sleep 600 ) & )",
                "    bash -c \"echo \\$\\$ >> '" + c + "/pids'; exec -a 'child " + mark + "' sleep 600\" &",
                "    echo $$ >> '" + c + "/pids'",
                "    exec -a '" + tool + " " + mark + "' sleep 600 ;;",
                "esac",
                "exit 0",
                "");
    }

    /**
     * Asserts that no process carrying {@link #mark()} is alive anywhere on this machine, and that
     * {@code parent} (the agent) has no zombie child.
     */
    void assertNoneLeft(long parent, String context) throws IOException {
        List<String> alive = new ArrayList<>();
        List<String> zombies = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (cmdline.contains(mark)) {
                        alive.add(p.getFileName() + " " + cmdline.replace('\0', ' ') + " state " + f[0]);
                    }
                    if (f[0].equals("Z") && Long.parseLong(f[1]) == parent) {
                        zombies.add(p.getFileName() + " " + stat.strip());
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        }
        assertEquals(List.of(), alive, context + ": processes of the stub still alive");
        assertEquals(List.of(), zombies, context + ": zombie children of the agent");
    }
}
