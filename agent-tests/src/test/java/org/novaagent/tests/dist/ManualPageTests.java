/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.cli.Main;
import org.novaagent.runtime.cli.ManualPage;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.ReactorModules;

/**
 * The manual page as {@code dist/package.sh} makes it: picocli's generator over the real command
 * model ({@code ManualPage}), the prose of {@code dist/man/nova-agent.8.adoc}, rendered by the real
 * asciidoctor and read back with {@code man -l}. The expectations come from the CLI itself (each
 * command's {@code --help}), not from a list kept here: every command and nested subcommand has
 * its section, and each section names every long option that command's help names.
 */
class ManualPageTests {

    private static final Pattern HEADING = Pattern.compile("^ {3}(nova-agent(?: [a-z][a-z-]*)+)$");
    private static final Pattern LONG_OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]+");

    @TempDir
    Path dir;

    @Test
    void rendersWithManAndDocumentsEveryCommandAndOption() throws Exception {
        RequiredTool.require("asciidoctor", "renders the generated man page (dist/package.sh)");
        RequiredTool.require("man", "reads the rendered page back (man -l)");
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            ManualPage.write(dir.resolve("adoc"), "nova-agent");
        } finally {
            System.setErr(stderr);
        }
        assertFalse(warnings.toString(StandardCharsets.UTF_8).contains("picocli WARN"), warnings.toString(StandardCharsets.UTF_8));
        Path page = dir.resolve("nova-agent.8");
        Path template = ReactorModules.root().resolve("dist/man/nova-agent.8.adoc");
        run("asciidoctor", "--failure-level", "WARN", "-b", "manpage", "-a", "generated=" + dir.resolve("adoc"),
                "-a", "agent-version=3.0.0", "-o", page.toString(), template.toString());
        String text = run("man", "--warnings", "-l", page.toString());
        assertTrue(text.startsWith("NOVA-AGENT(8)"), text);

        Map<String, String> sections = sections(text);
        Map<String, List<String>> commands = new LinkedHashMap<>();
        collect(List.of(), commands);
        assertTrue(commands.keySet().containsAll(List.of("doctor", "status", "plugins", "plugins list", "call",
                "resetnetwork", "service", "service run", "run", "version")), commands.keySet().toString());
        for (Map.Entry<String, List<String>> c : commands.entrySet()) {
            String section = sections.get("nova-agent " + c.getKey());
            assertTrue(section != null, "no section for nova-agent " + c.getKey() + " in " + sections.keySet());
            for (String option : c.getValue()) {
                assertTrue(section.contains(option), "nova-agent " + c.getKey() + ": " + option + " missing in\n" + section);
            }
        }
        for (String file : List.of("/etc/nova-agent/agent.conf", "/var/lib/nova-agent/history")) {
            assertTrue(text.contains(file), "FILES section lacks " + file);
        }
    }

    /** The help of the command at PATH: its long options, then its subcommands, recursively. */
    private static void collect(List<String> path, Map<String, List<String>> commands) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        StringWriter out = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new)));
        String help = out.toString();
        int split = help.indexOf("\nCommands:\n");
        String options = split < 0 ? help : help.substring(0, split);
        List<String> longOptions = new ArrayList<>();
        for (String line : options.lines().toList()) {
            Matcher m = LONG_OPTION.matcher(line.startsWith("Usage:") ? "" : line.strip().startsWith("-") ? line : "");
            while (m.find()) {
                longOptions.add(m.group());
            }
        }
        if (!path.isEmpty()) {
            commands.put(String.join(" ", path), longOptions);
        }
        if (split >= 0) {
            for (String line : help.substring(split + 11).lines().takeWhile(l -> !l.isBlank()).toList()) {
                Matcher m = Pattern.compile("^ {2}([a-z][a-z-]*) ").matcher(line);
                // demo is a CLI extension (development module path only): it takes its arguments raw, picocli has no options of it
                if (m.find() && !m.group(1).equals("demo")) {
                    List<String> sub = new ArrayList<>(path);
                    sub.add(m.group(1));
                    collect(sub, commands);
                }
            }
        }
    }

    /** The rendered page cut at each "nova-agent ..." subsection heading. */
    private static Map<String, String> sections(String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.lines().toList()) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    sections.put(current, body.toString());
                }
                current = m.group(1);
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, body.toString());
        }
        return sections;
    }

    private String run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile());
        pb.environment().put("MANWIDTH", "200");
        pb.environment().put("SOURCE_DATE_EPOCH", "1796202000");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command[0] + " hung");
        String err = Files.readString(dir.resolve("stderr"));
        assertEquals(0, p.exitValue(), command[0] + ": " + err);
        assertEquals("", err, command[0] + " complained");
        return out;
    }
}
