/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.plugin.SelectionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent plugins list}: one row per discovered handler with its module, version,
 * origin and selection verdict on the target root; {@code --json} for scripts. Problems
 * (bad jars, ties) go to the log on stderr, the rows to stdout.
 */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = "List every command handler and whether it is selected on the target root.",
        footer = ExitCodes.FOOTER)
public final class PluginsListCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PluginsListCommand.class);
    private static final String[] HEADERS = {"COMMAND", "MODULE", "VERSION", "PRIORITY", "ORIGIN", "STATUS"};

    @Spec
    CommandSpec spec;

    @Mixin
    AgentOptions options;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Optional<AgentConfig> config = options.configOrReport(null, null);
        if (config.isEmpty()) {
            return ExitCodes.USAGE;
        }
        AgentConfig cfg = config.get();
        AgentAssembly agent = options.assemble(cfg);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toMaps(agent.rows())));
            } catch (JsonProcessingException e) {
                LOG.error("cannot write JSON: {}", e.getMessage());
                return ExitCodes.FAILURE;
            }
        } else {
            printTable(out, agent.rows());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * @return the rows as ordered maps (no reflection on runtime types needed by Jackson): one
     *         machine-readable {@code status} (selected, shadowed, not-applicable, tie, invalid)
     *         and the human-readable {@code detail} the table prints
     */
    static List<Map<String, Object>> toMaps(List<SelectionRow> rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SelectionRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", r.command());
            m.put("module", r.module());
            m.put("version", r.version());
            m.put("priority", r.priority());
            m.put("origin", r.origin());
            m.put("status", r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            m.put("detail", r.detail());
            list.add(m);
        }
        return list;
    }

    static void printTable(PrintWriter out, List<SelectionRow> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADERS);
        for (SelectionRow r : rows) {
            lines.add(new String[] {r.command().isEmpty() ? "-" : r.command(), r.module(), r.version(),
                Integer.toString(r.priority()), r.origin(), r.detail()});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                sb.append(i == line.length - 1 ? line[i] : String.format("%-" + widths[i] + "s  ", line[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
